from add import add

E, P, L = "extortion", "professional_claimant", "lawful_aggressive"
add(
    E,
    "老板，我在你们店买的这台电脑主机收到了，我已经给了差评。你们这款是爆款吧，差评挂在上面对销量什么影响你自己清楚。想让我删评就拿钱出来，不给的话我后面还会继续用别的号买，继续给差评。",
    "深圳市龙华区人民法院审结温某等7人“恶意差评”敲诈勒索案（法制网 2018-11-14 报道）",
    None,
    "深圳市龙华区人民法院 / 法制网",
    "From March to December 2017, Wen, Tan and five others bought computer hosts from two Taobao shops with different accounts and, regardless of quality, threatened to post negative reviews unless paid; one shop owner paid repeatedly before reporting to police. Seven defendants were convicted.",
    "Convicted of extortion (敲诈勒索罪); sentences from 7 months to 2 years 2 months plus fines.",
    "ecommerce",
)
add(
    E,
    "我们喝的燕京啤酒瓶里有异物，而且你们商标上标的产地和实际产地不一致，存在价格欺诈。济宁办事处那边赔的两箱酒不算数，你们总公司必须赔偿五千万元。不赔我们就向法院起诉，把这些事公开出去，燕京这个品牌的形象就别想要了。",
    "北京市顺义区人民法院 陈某、周某敲诈勒索案（2009年12月2日判决）",
    "http://fsou.com/html/text/art/3356137/335613771_5.html",
    "北京市顺义区人民法院（转引自法学论文）",
    "In October 2008 Chen and Zhou claimed foreign matter in Yanjing beer and settled with the Jining office for 2 cases of beer. They then repeatedly went to Beijing Yanjing Beer headquarters alleging foreign matter, mislabelled origin and price fraud, threatening lawsuits and damage to the brand image, and demanded RMB 50 million.",
    "Shunyi District Court convicted both of extortion: Chen 1 year 6 months, Zhou 1 year 4 months.",
    "food",
)
add(
    E,
    "你们家的蛋糕里吃出了虫子（蜈蚣），照片我都拍好了。你们必须赔偿，不然我就发到网上曝光，再去相关部门举报你们店。",
    "重庆市万州区人民法院 黄某敲诈勒索案（2022年报道）",
    "https://bbrtv.com/2022/0509/737073.html",
    "重庆市万州区人民法院",
    "From April 2019 to January 2020, Huang, in debt, ordered cakes online and put centipedes and cockroaches caught outdoors into them, then threatened online exposure and reports to authorities to obtain compensation. He obtained 778 yuan from one bakery and 9,787 yuan in total from five cake shops.",
    "Convicted of extortion: 7 months imprisonment suspended 1 year, fine 3,000 yuan.",
    "food",
)
add(
    E,
    "菜里有虫子，老板你看怎么办？光免单不行，我朋友吃了肚子疼，你得带他去大医院看病，医药费你们出。",
    "上海市闵行区人民法院 孙某、郭某、鄂某敲诈勒索案（2007年3月报道）",
    "http://hyper-metal.com/sh/news/2007/03-22/897259.shtml",
    "上海市闵行区人民法院（新民晚报报道转载）",
    "Sun, Guo and E ate at restaurants six times in 2006 and put pre-prepared cockroaches into dishes, then faked illness and demanded medical fees on top of free meals. They obtained 1,020 yuan from six restaurants.",
    "Each convicted of extortion, 1 year 3 months imprisonment, ordered to compensate victims.",
    "restaurant",
)
add(
    E,
    "我刚吃牛丸，里面有碎玻璃，嘴都划破了，满口是血，你们看着办。这事必须赔我五万块，不赔的话我就把视频发出去曝光你们海底捞。",
    "北京海底捞牛丸碎玻璃敲诈勒索案（北京日报 2025-01 报道）",
    "https://beta.singtaousa.com/2025-01-19/%e5%8c%97%e4%ba%ac%e6%b5%b7%e5%ba%95%e6%92%88%ef%bd%9c2%e7%94%b7%e5%90%ab%e7%a2%8e%e7%8e%bb%e7%92%83%e8%87%aa%e6%ae%98%e5%89%b2%e5%98%b4-%e6%bb%bf%e5%8f%a3%e9%ae%ae%e8%a1%806%e5%ba%a6%e5%b1%88/5119538",
    "北京警方 / 北京日报（星岛转载）",
    "In 2024 Zhao and Zhu six times cut their own mouths with glass shards brought in their pockets and claimed glass in Haidilao beef balls in Beijing, demanding 50,000 yuan and threatening exposure; one store paid 8,000 yuan. Total extorted about 23,000 yuan.",
    "Both arrested by Beijing police for extortion (criminal case; final sentence not stated in the source).",
    "restaurant",
)
add(
    E,
    "章某，你帮我代买的20瓶自制海马酒我已经在食品药品监督管理局网站举报了，截图发你了。让你们酒楼负责人赔我10万元，给钱我就取消举报，不给的话就等着查处吧。",
    "深圳“职业索偿人”李某等6人黑恶团伙敲诈勒索案（聊城晚报“以案释法” 2018-09-10）",
    "http://lc.sdnews.com.cn/lcxw/201809/t20180910_2444800.htm",
    "深圳市执法部门 / 鲁网·聊城晚报",
    "A six-person gang led by Li bulk-bought foreign-label wine, milk powder and chocolate without Chinese labels and self-made seahorse wine from Shenzhen shops and restaurants, reported the sellers to regulators and then demanded money, withdrawing the report once paid. In one case they sent a restaurant a screenshot of an FDA complaint and demanded 100,000 yuan to withdraw it.",
    "Gang broken up as a 扫黑除恶 target and prosecuted for extortion.",
    "restaurant",
)
add(
    L,
    "我女儿吃过你们施恩奶粉，医院检查双肾有点状强回声，我把剩下和新买的奶粉送检，两个批次三聚氰胺含量很高。之前的40万补偿协议解决不了孩子以后的问题，我要求雅士利再赔偿300万元。你们不处理，我会继续向媒体反映。",
    "郭利敲诈勒索案再审 广东省高级人民法院 2017年4月7日宣告无罪",
    "http://tj.sina.com.cn/city/csgz/2017-05-17/city-ifyfeius8036000.shtml",
    "广东省高级人民法院",
    "Guo's daughter had drunk Shi'en milk powder later found to contain melamine; he had it tested and in June 2009 settled for 400,000 yuan. After a TV programme about his case he demanded another 3 million yuan from Yashili and was convicted of extortion in 2010 (5 years).",
    "On retrial on 7 April 2017 the Guangdong High Court acquitted him: the conduct did not exceed a civil dispute and illegal possession purpose was not proven.",
    "food",
)
add(
    L,
    "我花20900元买的华硕笔记本电脑反复出故障，查出来用的是测试版CPU，这是对消费者的欺诈。我要求华硕支付500万美元惩罚性赔偿，否则我会把这件事向媒体曝光。",
    "黄静诉华硕“天价索赔”案（北京市海淀区人民检察院不起诉，后获国家赔偿）",
    "https://www.sanwenwang.com/ba/fxjxcqqf.html",
    "北京市海淀区人民检察院",
    "In 2006 Huang Jing bought an ASUS laptop for 20,900 yuan that repeatedly failed and was found to use an engineering-sample CPU. She demanded USD 5 million punitive compensation and said she would go to the media otherwise; she was detained and arrested for extortion.",
    "The Haidian procuratorate decided not to prosecute for insufficient evidence; she later received state compensation.",
    "ecommerce",
)
add(
    P,
    "我在京东商城“Awsky旗舰店”买了一对奥威时RX920手表，付款4310元。商品宣传涉嫌虚假宣传，构成欺诈，请退还货款4310元并按价款三倍赔偿12930元。",
    "(2018)赣01民终455号",
    "http://www.yongwenlawyer.cn/Home/NewsInfo/e903130b-2a2c-458e-89ba-3f6c335b135e",
    "江西省南昌市中级人民法院",
    "In March 2017 Dong bought a pair of watches for 4,310 yuan on JD.com and sued for refund plus treble damages (12,930 yuan) for false advertising. The court found Dong and his spouse had recently filed many similar suits over different goods, several dismissed or withdrawn.",
    "Claim dismissed as knowingly buying to profit from punitive damages (不属于正常消费者); upheld on appeal.",
    "ecommerce",
)
add(
    P,
    "我在你们商店买了店里所有的咖啡，共计1.2万元，购买过程都拍了视频。这些咖啡都是过期食品，请退还货款1.2万元，并依照食品安全法支付十倍赔偿12万元。",
    "重庆市合川区人民法院 咖啡过期十倍索赔案",
    "http://xiaza.cn/post/30124.html",
    "重庆市合川区人民法院",
    "A claimant bought all the coffee in a shop, filming the purchase, then sued claiming the coffee was expired, seeking a 12,000 yuan refund and 120,000 yuan ten-fold damages.",
    "Court found 知假买假 beyond living needs and computed punitive damages only on the price of one box of coffee.",
    "food",
)
add(
    P,
    "我在直播平台看到你们的“祖传秘方补肾壮阳益精丸”，买了10副，付了3000元。我已经送检，检出他达拉非每公斤13.6克，是三无产品还含禁用成分。要求退还货款3000元，支付十倍赔偿和检测费1500元，共34500元。",
    "泾源县人民法院 王某诉马某职业打假案（宁夏法治报 2024-09-24）",
    "https://szb.nxrb.cn/nxfzb/pc/con/202409/24/content_134601.html",
    "宁夏回族自治区泾源县人民法院",
    "In March 2024 Wang bought 10 doses of a 'secret recipe' pill for 3,000 yuan via a livestream seller, sent it for testing (1,500 yuan fee) without raising any problem with the seller, and sued for refund, ten-fold damages and testing fee totalling 34,500 yuan.",
    "Court held the purchase was for profit not consumption: refund of 3,000 yuan only; ten-fold damages and testing fee rejected; violation referred to regulators.",
    "food",
)
