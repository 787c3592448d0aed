"""Benchmark: the whole text analysis against plain ``jieba.lcut`` on the same texts.

Run ``python benchmarks/text_analysis.py``. It builds an Analyser from the shipped packs,
warms both sides, then times several rounds over a corpus of realistic complaints (50–800
characters) and prints texts/s and characters/s (fastest round) and the ratio (median over
rounds of each round's ratio). Goal: ratio ≤ 1.5.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

import jieba

from triage.facts import Analyser
from triage.rulepack.loader import bundled_rules_dir, load_packs

COMPLAINTS = (
    "我在你们店买的手机用了三天就黑屏了，去门店说要寄回厂家检测，等了半个月还没有结果。",
    "外卖送到的时候汤全洒了，骑手态度还很差，打电话给客服一直没人接，要求退款。",
    "网贷平台暴力催收，给我通讯录里的亲戚朋友都打了电话，还发短信说我是老赖，严重影响了我的工作和生活。"
    "我只是逾期了三天，借款本金5000元，现在要我还8000多，要求停息挂账并删除我的个人信息。",
    "信用卡年费没经过我同意就扣了，金额是680元，我从来没有开通过这项服务，要求退还并说明原因。",
    "航班延误五个小时没有任何解释，航空公司也没有安排餐食，老人和孩子在候机楼里等到半夜。"
    "要求航空公司按照规定给予补偿，并公开道歉。",
    "小区停电两天了，供电公司一直没人来修，冰箱里的东西全坏了，家里还有卧床的老人，希望尽快处理。",
    "新房子卫生间漏水，楼下邻居已经找上门好几次了，开发商推给施工队，施工队又说过了保修期，"
    "到现在没有一个人来看过。交房才一年多，防水就不行了，要求开发商负责维修并赔偿楼下的损失。",
    "孩子吃了你们店的蛋糕以后上吐下泻，晚上去了医院急诊，医生诊断是急性肠胃炎，花了医疗费1200元。"
    "我要求赔偿医疗费和误工费共计3000元，如果不处理我就向市场监管局举报。",
    "这是我第三次投诉了，上次投诉说三个工作日内回复，到现在一直没人处理，你们的承诺到底算不算数？",
    "今天在超市买的牛奶，打开发现里面有黑色颗粒，孩子已经喝了两口，现在肚子疼，要求超市给个说法。",
    "保险公司拒绝理赔，说我的病不在保障范围内，可是投保的时候业务员明明说过这个病是可以赔的，"
    "我每年交保费八千多元，已经交了五年了，现在需要用钱的时候却拒赔，要求按合同赔付十五万元。",
    "汽车刚买两个月，在高速上突然熄火，差点出事，4S店检测说是变速箱的问题，只同意维修不给换车。"
    "按照汽车三包规定，我要求换车或者退车，车价二十三万八千元。",
    "快递员没打电话就把包裹放在驿站门口，结果包裹丢了，里面是价值2600元的耳机，快递公司只赔300元。",
    "话费多扣了伍仟元，我打10086查询说是开通了增值业务，但我从来没有办理过，要求全额退还。",
    "买了5千块的冰箱，送来的时候门是坏的，商家不给换还说是我自己弄坏的，要求赔偿3.5万。",
    "商家收了¥5,000定金以后就不发货了，联系客服也没人回复，已经过去一个多月，要求退还定金。",
    "贷款不是我本人办的，有人冒用我的身份在你们平台借了两万元，现在天天有人打电话催收，要求立即核实并注销。",
    "楼下烧烤店每天营业到凌晨三点，油烟和噪音严重扰民，我们小区多名业主已经反映过多次，城管一直不管。",
    "暖气不热，室温只有十二度，家里有刚出生的婴儿，物业说是供热公司的问题，供热公司说是物业的问题，互相推诿。",
    "我去年在你们平台买的理财产品，说好年化收益百分之五，结果亏了本金三万多，客户经理当时根本没有提示风险。",
    "饭菜里吃出一根头发，服务员态度非常恶劣，还说是我自己的头发，要求道歉并免单。",
    "我的宽带从上个月开始经常断网，报修了四次，每次都说已经修好了，但第二天又不行，我在家办公影响很大，"
    "要求减免这两个月的月租并彻底解决问题。",
    "不退钱我就找媒体曝光，还要发抖音让大家都知道你们是黑心商家，给你们三天时间考虑。",
    "你们要是再不处理，我就去电视台，还要找律师起诉你们，赔偿我十万元精神损失费，否则这事没完。",
    "电梯已经坏了一个星期了，楼里住的都是老人，十几户居民每天只能爬楼梯，物业说配件还没到，这是严重的安全隐患。",
    "我已经向12315投诉了，但还是希望你们能主动联系我解决，手机屏幕有亮点，只是想换一台新的。",
    "燃气公司上门安检的人员说我家燃气管道老化，必须更换，收费1800元，我觉得价格太高，而且怀疑是强制消费。",
    "商品页面写的是正品行货，收到以后发现是翻新机，序列号查不到，要求退一赔三，手机价格4999元。",
    "去年11月份在你们店办的健身卡，今年店就关门了，老板联系不上，卡里还有两千多元没用完，要求退款。",
    "路灯坏了三个多月了，晚上路很黑，已经有老人摔倒受伤，打了好几次12345，一直没有人来修。",
    "这已经不是第一次了，每个月账单都多出来十几块钱的莫名扣费，客服每次都说是系统问题，然后退一点，下个月又扣。",
    "我是独居老人，今年七十八岁，推销员上门骗我买了一万二千元的保健品，说能治高血压，吃了以后头晕，要求全额退款。",
    "装修公司施工时把我家的承重墙打了一个洞，现在墙体开裂，找他们理论还被威胁，要求恢复原状并赔偿损失二十万。",
    "快递一直显示运输中，已经十天了，问客服只会说帮我催一下，里面是给孩子买的生日礼物，生日都过了。",
    "三年前在你们店买的热水器，今天洗澡时突然漏电，我被电了一下，幸好没有受伤，要求上门检查并更换。",
    "机票改签收了我四百元手续费，但航班本来就是你们取消的，按规定不应该收费，要求退还改签费。",
    "食堂的饭菜里有虫子，好几个学生吃了以后拉肚子，学校一直没有给家长任何解释，我们要求公开检测结果。",
    "网购的衣服有质量问题，申请七天无理由退货，卖家拒绝，说已经穿过了，其实我只是试了一下，平台也不管。",
    "保险业务员未经我同意就用我的名字投保了一份分红险，每年从我的银行卡自动扣款六千元，已经扣了两年了。",
    "我们全体业主联名投诉开发商，合同上写的是精装修交房，实际交付的房子地板空鼓、墙面开裂、门窗漏风，"
    "一共三百多户，大家要求开发商限期整改并按合同约定支付违约金。",
    "如果三天之内不给我退款，我就发微博、发小红书，让所有人都知道你们怎么对待消费者，"
    "到时候你们的损失可不止这一千块钱。",
    "蛋糕店卖过期的面包，生产日期被重新贴过，我花了38元，按照食品安全法要求十倍赔偿，也就是一千元。",
    "我爸爸是残疾人，坐轮椅，去营业厅办业务，工作人员态度非常差，还让他去排队等了两个小时。",
)

FILLER = (
    "我真的非常生气，希望你们认真对待这个问题。",
    "之前跟客服沟通过，对方只是说会反馈，但是没有下文。",
    "我有购物小票和聊天记录可以证明。",
    "请尽快给我一个明确的答复，谢谢。",
    "我已经把情况都拍了照片和视频。",
)


def corpus(size: int, seed: int = 4) -> list[str]:
    """``size`` complaints of 50–800 characters: corpus texts joined with connecting sentences."""
    rng = random.Random(seed)
    texts = []
    for index in range(size):
        target = rng.choice((60, 120, 200, 300, 450, 800))
        text = COMPLAINTS[index % len(COMPLAINTS)]
        while len(text) < target:
            addition = rng.choice(FILLER) + rng.choice(COMPLAINTS)
            if len(text) + len(addition) > 800:
                addition = rng.choice(FILLER)
                if len(text) + len(addition) > 800:
                    break
            text += addition
        texts.append(text)
    return texts


def timed_rounds(rounds: int, runs: Sequence[Callable[[], object]]) -> list[list[float]]:
    """Per round, the time in seconds of each run.

    The runs alternate within each round, so a busy machine slows all of them alike.
    """
    timings = []
    for _ in range(rounds):
        round_times = []
        for run in runs:
            started = time.perf_counter()
            run()
            round_times.append(time.perf_counter() - started)
        timings.append(round_times)
    return timings


def main(argv: Sequence[str] | None = None) -> None:
    """Time both sides and print the comparison."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=400, help="texts per round")
    parser.add_argument("--rounds", type=int, default=9, help="rounds; the fastest counts")
    options = parser.parse_args(argv)

    texts = corpus(options.texts)
    characters = sum(map(len, texts))
    as_of = datetime(2024, 6, 1, tzinfo=UTC)
    rules = load_packs(bundled_rules_dir())  # the shipped packs, as an engine would load them
    analyser = Analyser(rules.lexicons, {k: float(v) for k, v in rules.parameters.items()})
    for text in texts:  # warm both: jieba's global dictionary, caches, branch predictors
        jieba.lcut(text)
        analyser.analyse(text, as_of=as_of)

    def lcut_all() -> None:
        for text in texts:
            jieba.lcut(text)

    def lcut_no_hmm_all() -> None:
        for text in texts:
            jieba.lcut(text, HMM=False)

    def analyse_all() -> None:
        for text in texts:
            analyser.analyse(text, as_of=as_of)

    timings = timed_rounds(options.rounds, (lcut_all, lcut_no_hmm_all, analyse_all))
    lcut_time, no_hmm_time, analyse_time = (min(column) for column in zip(*timings, strict=True))
    # Each round times the three runs back to back: its ratios are the fairest comparison on
    # a machine shared with other work, and their median the figure to quote.
    ratio = statistics.median(analyse / lcut for lcut, _, analyse in timings)
    ratio_no_hmm = statistics.median(analyse / no_hmm for _, no_hmm, analyse in timings)
    lengths = [len(text) for text in texts]
    print(
        f"corpus: {len(texts)} texts, {characters} characters "
        f"(min {min(lengths)}, median {statistics.median(lengths):.0f}, max {max(lengths)})"
    )
    for name, seconds in (
        ("jieba.lcut", lcut_time),
        ("jieba.lcut no HMM", no_hmm_time),
        ("Analyser.analyse", analyse_time),
    ):
        print(
            f"{name:>17}: {len(texts) / seconds:8.0f} texts/s  {characters / seconds:10.0f} chars/s"
        )
    print(f"ratio analyse / lcut: {ratio:.2f} (median of rounds; goal ≤ 1.5)")
    print(f"ratio analyse / lcut without HMM, as the analyser cuts: {ratio_no_hmm:.2f}")


if __name__ == "__main__":
    main()
