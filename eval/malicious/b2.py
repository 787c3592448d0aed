from add import add

E, P, L = "extortion", "professional_claimant", "lawful_aggressive"
add(
    E,
    "掌柜你好，我刚拍了你店里的东西。说清楚：你要是发货，我就给差评；你不发货，我就投诉你。想把这单关掉，转点钱到我支付宝，我就同意关闭交易。",
    "杭州市上城区人民法院 杨某等12人“淘宝差评师”敲诈勒索案（2013年7月一审判决，新华社报道）",
    "https://bbs.webplus.com/forum.php?extra=page%3D1&mod=viewthread&tid=685",
    "浙江省杭州市上城区人民法院",
    "In June-July 2012 Yang recruited 11 others to place malicious orders on Taobao shops; Yang then told each seller that shipping would bring a negative review and not shipping would bring a complaint, unless money was paid to close the deal. They did this 14 times against 14 sellers, obtaining 2,995 yuan.",
    "Yang convicted of extortion, 2 years plus 5,000 fine; the other 11 got 10 months to 1 year 2 months.",
    "ecommerce",
)
add(
    E,
    "你家这套家纺我收到了，差评已经给了。你自己选：要么花钱消灾，我把差评删掉；要么等着更多的人来给你差评。",
    "江苏省海门市人民法院 杜某、邱某、张某“差评师”敲诈勒索案（2017年11月判决）",
    "http://www.tieqiaolawyer.com/news/762",
    "江苏省海门市人民法院",
    "From April 2017 Du picked Taobao home-textile shops, Qiu bought and left negative reviews (some without unpacking), and Du contacted sellers offering removal for money or 'more people giving you bad reviews'. Five sellers paid 600-8,800 yuan each, over 20,000 yuan in total.",
    "All three convicted of extortion with suspended sentences and fines; Alibaba later won a civil suit for 1 yuan and an apology.",
    "ecommerce",
)
add(
    E,
    "老板，我在点评上给你们家写的评价看到了吧，吃坏肚子、服务不好。想删掉的话转我200块，收到就删。",
    "上海青浦公安 屈某恶意差评敲诈勒索案（2024年4月）",
    "https://www.ins.com.cn/appset/detail/94500",
    "上海市公安局青浦分局",
    "From March 2023 to February 2024 Qu, a restaurant employee, posted over 100 negative reviews on a review app claiming food poisoning or bad service at restaurants he had never visited, then contacted the merchants demanding 100-200 yuan each to delete them. Over 40 merchants paid, more than 7,000 yuan in total.",
    "Arrested by Qingpu police on suspicion of extortion (April 2024).",
    "restaurant",
)
add(
    E,
    "我没收到货，你给我退款。不退的话我就给你差评，攻击你店铺，再去平台申请把你的店封掉。",
    "(2016)桂0922刑初101号",
    "https://www.vsvip.com/zhishi/398.html",
    "广西壮族自治区陆川县人民法院",
    "In May 2015 Liu brushed orders for Taobao merchants, was reimbursed for the price plus commission, and then claimed non-delivery and demanded refunds, threatening negative reviews, attacks on the shop and requests to close it. Four shop owners refunded 228, 99, 88 and 99 yuan, 514 yuan in total.",
    "Convicted of extortion (multiple extortions).",
    "ecommerce",
)
add(
    E,
    "你家外卖里吃出头发了，图片发你了，我已经在平台投诉。按规定你们要赔餐费的十倍，赔了我就撤诉，不然就等着市场监管局来查。",
    "北京海淀区市场监管局、海淀公安分局 孙某某、员某某外卖“异物”敲诈勒索案（2023年9月）",
    "http://static.17car.com.cn/qianzhan/2023/0907/526341.html",
    "北京市海淀区市场监督管理局 / 海淀公安分局",
    "In 2023 Sun and Yuan repeatedly complained via platforms that takeaway food contained hair or insects, using images downloaded online or staged (the same picture used in several complaints), then demanded ten times the meal price from merchants. The district market regulator noticed their complaint count far exceeded normal customers and referred the case with the procuratorate to police.",
    "Both arrested and placed under criminal compulsory measures for extortion.",
    "restaurant",
)
add(
    E,
    "你们家外卖里吃出蟑螂了，照片发你。现在就给我解决，解决得不满意我就投诉，让你们店几天都干不了活。",
    "北京海淀警方破获外卖“吃出蟑螂”敲诈勒索案（新华社 2022-08）",
    "http://finance.cqtresearch.com/caijingxinwen/2022/0830/136496.html",
    "北京市公安局海淀分局",
    "In 2022 a person outside Beijing ordered takeaways to a hotel near restaurants, never collected them, and claimed cockroaches using fake photos, demanding compensation and threatening complaints that would shut the shop for days. Several restaurants paid hundreds of yuan.",
    "Police solved the case as extortion; suspect detained.",
    "restaurant",
)
add(
    E,
    "我那天在你们店吃饭吃出了蟑螂，当时免单我没要，单我买了。现在我要求十倍赔偿，否则我就把吃出蟑螂的事曝光到网上。",
    "北京“口含蟑螂”敲诈勒索高档餐厅案（平安北京/法治网 2023-07-26）",
    "https://m.gmw.cn/2023-07/26/content_1303455025.htm",
    "北京警方 / 法治网",
    "In 2023 Chen hid boiled cockroaches in a gum container, put them in his mouth during meals and claimed they came from the food; he refused a free meal, paid, then phoned demanding ten-fold compensation or online exposure. One restaurant paid 1,000 yuan and a carton of cigarettes; several others were targeted.",
    "Chen detained by police on suspicion of extortion.",
    "restaurant",
)
add(
    E,
    "王总，你们网站宣传通络关节保健液的功效不属实，我已经向市场监管部门举报并已立案。想让我撤案可以，给我10000元，先转8000，我申请撤案后你再把剩下2000结清。",
    "汉阴县检察机关 张某举报后以撤案为条件索财案（平安汉阴）",
    "https://www.laitimes.com/article/6rlqr_77y19.html",
    "陕西省汉阴县人民检察院（平安汉阴）",
    "In October 2023 Zhang reported a health-product company's exaggerated efficacy claims; after the regulator opened a case, he demanded 10,000 yuan from the company to withdraw it, received 8,000 yuan and applied for withdrawal. He admitted he had moved from reporting out of a sense of justice to reporting purely to obtain money.",
    "Procuratorate found the conduct constituted extortion but made a relative non-prosecution decision due to minor circumstances.",
    "food",
)
add(
    E,
    "你家的东西我给了差评，想删的话给个补偿，8888元，少了免谈。",
    "深圳龙华警方 夫妻“差评师”三次敲诈网店案（2018年8月报道）",
    "http://m.dddjmc.com/news/txnews/cnnews/sh/2018-08-10/2169761_2.html",
    "深圳市公安局龙华分局",
    "A couple repeatedly bought from the same online shop under different nicknames, left negative reviews and demanded 8,888 yuan to delete them; the seller paid 8,888 yuan once and 6,999 yuan the second time, then reported the third attempt after noticing the same phone number.",
    "Couple criminally detained for extortion.",
    "ecommerce",
)
add(
    E,
    "我在你们机场店吃的青椒炒肉里有蚂蚁，照片我拍了。我要投诉，你们赔我600元这事就算了。",
    "湖北十堰警方侦破荣某“吃出蚂蚁”跨区域敲诈勒索案（2024年）",
    "https://gonerve.com/archives/5879.html",
    "湖北省十堰市公安机关",
    "In May 2024 Rong claimed an ant in his dish at an airport restaurant in Shiyan, photographed it, left, and days later complained and demanded 600 yuan. Police found he had used ants as props in over 700 incidents across more than 80 regions.",
    "Investigated by police as cross-regional serial extortion.",
    "restaurant",
)
