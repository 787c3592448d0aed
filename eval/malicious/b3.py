from add import add

E, P, L = "extortion", "professional_claimant", "lawful_aggressive"
add(
    P,
    "我在你店买的鲜豆腐一包，2元，包装上标的生产日期是4月22日，买的时候还没到这一天，属于提前标注生产日期。要求退还货款2元，并按食品安全法第148条支付赔偿金1000元。",
    "东莞市第一人民法院 郭某职业打假系列案（251宗索赔全部败诉，2018年1月报道）",
    "http://tech.jiangsulong.com/a/2019/0315/159451_11.html",
    "广东省东莞市第一人民法院（地方媒体报道）",
    "Guo bought a 2-yuan pack of tofu whose marked production date was later than the purchase date and sued for a 2-yuan refund plus the 1,000-yuan statutory minimum under Food Safety Law art. 148. He had bought the same kind of small-value food 10 times from 6 merchants and sued each on the same ground; 251 such claims were reported.",
    "Refund of 2 yuan supported; 1,000-yuan punitive claim rejected because the purchases were for profit, not consumption; all 251 claims lost.",
    "food",
)
add(
    P,
    "我在你们超市买了冬虫夏草酒60瓶，花了4455元，是买给家里老人补身体的。经检测这批酒违规添加冬虫夏草，普通食品不能添加中药材，违反食品安全法第三十八条。我喝了以后得了急性胃肠炎住院，医疗费2494.84元。要求退货退款，支付十倍赔偿，并赔偿医疗费。",
    "五台县人民法院 / 忻州市中级人民法院 159瓶冬虫夏草酒十倍索赔案",
    "http://denengjiuye.com/product/8575.html",
    "山西省忻州市中级人民法院",
    "Before Spring Festival the claimant bought 60 bottles of cordyceps wine for 4,455 yuan and 13 bottles for 1,274 yuan at two supermarkets in Wutai county, then within three months 57 units and 27 more bottles at two stores in Dingxiang county, 159 bottles in all, and sued for refunds, ten-fold damages and 2,494.84 yuan medical costs. The court noted the quantity and his related batch claims.",
    "Refunds of 4,455 and 1,274 yuan ordered; ten-fold damages and medical costs rejected as he was not a consumer; upheld by Xinzhou Intermediate Court.",
    "food",
)
add(
    P,
    "我2023年2月12日来长治游玩，在你们超市买了8瓶胜幻干白葡萄酒（750ml），单价288元，总价2304元。这些进口酒没有简体中文标签，违反食品安全法的强制性规定，存在安全隐患。请退还货款2304元，并支付十倍赔偿23040元。",
    "(2023)晋0403民初2112号",
    "http://wbo.doyiter.com/info/2943",
    "山西省长治市潞州区人民法院",
    "Deng, from Guangdong, bought 8 bottles of imported white wine at 288 yuan each (2,304 yuan) in a Changzhi supermarket, claimed they lacked Chinese labels and sued for refund plus 23,040 yuan. The supermarket showed only one bottle lacked a label at sale, the others' labels apparently torn off, the bottles were untouched, and Deng had filed many similar suits against different merchants in a short time.",
    "Claims for refund and ten-fold damages dismissed at first instance.",
    "food",
)
add(
    P,
    "我在你淘宝店买了“人参滋补礼盒装10mlx30包”50盒，共22560元。收到后喝了两天，口干舌燥浑身发热，舌头起泡。红参是药典中药材，不在药食同源名单里，食品里不能添加药品，违反食品安全法第三十八条。要求退还货款22560元，支付十倍惩罚性赔偿225600元，另赔往返交通住宿费约6000元。",
    "烟台某淘宝店铺被职业打假案（王宗昊律师代理，法院驳回原告诉讼请求）",
    "http://lawyers.66law.cn/s2615324054500_anli610537.aspx",
    "山东烟台法院（律师公开案例）",
    "In September 2019 the claimant bought 50 boxes of a red-ginseng tonic from a Taobao shop for 22,560 yuan, claimed it illegally contained a medicinal herb and made him ill, and sued for refund, 225,600 yuan ten-fold damages and about 6,000 yuan travel costs.",
    "Court rejected the claims (per the defence lawyer's published case).",
    "food",
)
add(
    P,
    "我在你们店买了鲜花蛋糕，蛋糕上点缀了不能吃的东西（鲜花），违反食品安全法。我已经向市场监管部门投诉举报了，你们看怎么处理。退款我不接受，要按法律规定赔偿。",
    "长沙20多家蛋糕店遭同一人以“鲜花蛋糕”投诉举报（潇湘晨报 2024-12；中国质量万里行“规制职业索赔”报道引用）",
    "https://m.ryxmt.com.cn/food/481865.html",
    "长沙市市场监管部门回应 / 潇湘晨报",
    "In late 2024 one man, Zhang, bought flower-decorated cakes in store or by takeaway from at least 20 Changsha bakeries and complained to market regulators that decorations were inedible and violated the food safety law; he refused full refunds and some shops paid him (one paid 700 yuan).",
    "Regulator said inedible decorations must be labelled; the case was cited in SAMR-press coverage as an example of 职业索赔 with many parallel complaints; no finding in his favour reported.",
    "food",
)
add(
    P,
    "我们那天在你店消费了500多元，点了拍黄瓜。你店没有冷食类食品制售许可，卖凉菜违法。市监局让你整改下架不算完，要我撤诉可以，按当天消费金额的10倍赔偿。",
    "株洲市餐饮行业协会通报晏姓父子“拍黄瓜”举报49次（2023年5月）",
    "https://shijiezz.com/qiwen/guaishi/104746.html",
    "株洲市餐饮行业协会 / 株洲市优化营商环境中心",
    "From 2020 to 2023 a father and son surnamed Yan filed 49 reports against Zhuzhou restaurants for selling smashed cucumber and other cold dishes without a cold-food licence. In one case they spent over 500 yuan, reported the hotpot shop, and after it removed the dishes, escalated to a higher regulator and demanded ten times the bill to withdraw.",
    "City business-environment centre convened merchants and regulators; agreed to explore first-violation no-penalty; treated as malicious professional reporting.",
    "restaurant",
)
add(
    P,
    "我今天在你们药店买了这款花露水，外包装宣传用语涉嫌虚假宣传，我已向市场监管部门投诉举报，要求你们按规定给予赔付。",
    "湖北黄冈：几名投诉举报人同一天在33家药店购买同一花露水后投诉（中国质量万里行“规制职业索赔”联合报道 2025-02-11）",
    "http://www.xzjunlong.cn/survey/415383.html",
    "中国质量万里行（国家市场监督管理总局主管）",
    "In Huanggang, Hubei, several complainants bought the same toilet-water product at 33 pharmacies in Huangzhou and Huangmei on the same day and filed complaints alleging false advertising on the packaging, demanding compensation.",
    "Reported by SAMR-supervised media as a typical 职业索赔 pattern (batch parallel complaints).",
    "other",
)
add(
    L,
    "我在你们超市买了15包玉兔牌香肠，结完账发现其中14包已经过了保质期，价值558.6元。你们卖过期食品，我要求按食品安全法支付14包香肠售价十倍的赔偿金5586元。",
    "最高人民法院指导案例23号 孙银山诉南京欧尚超市有限公司江宁店买卖合同纠纷案 (2012)江宁开民初字第646号",
    "http://fuwu.hao1956.com/portal/index/article_detail/id/165",
    "最高人民法院（江苏省南京市江宁区人民法院判决）",
    "On 1 May 2012 Sun bought 15 packs of sausage, 14 of them (558.6 yuan) past their shelf life, and went straight from checkout to the service desk to claim compensation, then sued for ten times the price, 5,586 yuan.",
    "Court awarded 5,586 yuan; SPC guiding case holds ten-fold damages are supported whether or not the buyer knew the food was substandard.",
    "food",
)
add(
    L,
    "我11月17日在你们经营部买了某品牌白酒2件12瓶，付款11160元，23日又买了2件12瓶，付款10937元。现在酒厂出具了鉴定证明书，这些酒不是他们生产的，是假冒注册商标的产品，我已向市场监管部门举报。要求退还购酒款，并支付购酒款十倍的赔偿金。",
    "最高人民法院发布食品安全惩罚性赔偿典型案例（2023年11月30日）案例一：郭某诉某经营部产品责任纠纷案",
    "https://wxredian.com/art?id=6fe4cebef224bf6b1d60d980f5c35420",
    "最高人民法院",
    "In November 2021 Guo bought 12 bottles of a brand of baijiu for 11,160 yuan and six days later 12 more for 10,937 yuan, suspected counterfeits, reported to regulators, and the distillery certified them as trademark counterfeits. He sued for refund plus ten-fold damages.",
    "Court supported refund and ten-fold punitive damages for selling counterfeit-trademark food.",
    "food",
)
add(
    L,
    "我在你们超市买了7盒日本进口饼干礼盒，花了900元。结完账发现原包装日文标的赏味期限是2016年11月10日，你们加贴的中文标签却把这个日期写成制造日期，商品实际已经过期。请退还货款900元并支付十倍赔偿9000元。",
    "沈阳市中级人民法院 程某诉某超市进口饼干保质期改生产日期案（二审改判十倍赔偿）",
    "https://www.sjgle.com/article/article_id/19030.html",
    "辽宁省沈阳市中级人民法院",
    "On 6 April 2017 Cheng bought 7 boxes of imported Japanese biscuits for 900 yuan and found the date on the original Japanese label (the expiry date) relabelled as a production date on the Chinese sticker; he sued for refund and 9,000 yuan.",
    "First instance ordered refund only; Shenyang Intermediate Court on appeal also awarded 9,000 yuan ten-fold damages.",
    "food",
)
add(
    L,
    "我2019年10月11日在你们高端烟酒店买了两箱53度飞天茅台，共24800元。经贵州茅台酒股份有限公司鉴定，这些酒不是茅台公司生产的，是假冒注册商标的产品。请退还购酒款24800元，并支付三倍赔偿74400元。",
    "周利利与北京凯利东兴商贸中心买卖合同纠纷案（北京市朝阳区人民法院一审、北京市第三中级人民法院二审）",
    "http://www.liujiang315.com/articleread.asp?id=15376",
    "北京市朝阳区人民法院（中国法学会消法研究会3.15简报）",
    "On 11 October 2019 Zhou bought two cases of Feitian Moutai for 24,800 yuan; Moutai certified the bottles as counterfeits. Zhou sued for refund plus treble damages of 74,400 yuan.",
    "First and second instance courts supported refund and treble (退一赔三) damages.",
    "food",
)
add(
    L,
    "我7月10日在京东“福州爱品惠地方特产专营店”买了6盒香港老牌金鼎盛生力咖啡，花了1922元，两周后又买了6盒，1952元。喝了1包感觉身体不舒服，送检后发现产品不符合食品安全标准（货不对板）。要求退款并支付十倍赔偿。",
    "谭某诉福州爱品惠网店网络购物合同纠纷案（一审、二审胜诉，民主与法制 报道）",
    "http://e.mzyfz.org.cn/mag/paper_49052_25430.html",
    "山东青岛法院（民主与法制周刊报道）",
    "In July 2020 Tan, who had previously been a professional claimant, bought 6 boxes of instant coffee for 1,922 yuan on JD.com and two weeks later 6 more for 1,952 yuan; after feeling unwell he had it tested and sued for ten-fold damages. The seller refused citing his past as a professional claimant.",
    "Courts of first and second instance ruled for Tan, supporting the claim despite his former professional-claimant status.",
    "food",
)
