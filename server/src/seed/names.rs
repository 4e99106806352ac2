//! Chinese names and company names for demo data.

use rand::Rng;
use rand::seq::SliceRandom;

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "欧阳",
];
const MALE_CHARS: &[&str] = &[
    "伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "华", "飞",
    "鑫", "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "宁", "龙", "林", "阳", "建国",
    "志强", "文博",
];
const FEMALE_CHARS: &[&str] = &[
    "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "燕", "玲", "桂英", "丹", "萍", "红", "玉兰",
    "婷", "雪", "慧", "颖", "琳", "倩", "秀英", "欣", "悦", "佳", "晓梅", "淑芬", "思雨", "雨涵",
    "梓涵",
];
const BRAND: &[&str] = &[
    "华信", "东方", "新源", "宏达", "恒通", "金桥", "瑞丰", "长城", "中泰", "嘉禾", "天成", "博远",
    "启明", "海纳", "鼎盛", "远航", "安泰", "广联", "正元", "同创", "汇智", "鸿运", "立信", "卓越",
    "万象",
];
const TRADE: &[(&str, i32)] = &[
    ("信息技术", 1),
    ("软件", 1),
    ("商贸", 2),
    ("物流", 4),
    ("建筑工程", 7),
    ("机械制造", 5),
    ("餐饮管理", 2),
    ("医药", 3),
    ("电子", 3),
    ("纺织", 4),
    ("物业服务", 2),
    ("教育咨询", 1),
    ("化工", 6),
    ("矿业", 8),
    ("食品", 3),
    ("广告传媒", 1),
];

pub fn person_name(rng: &mut impl Rng, male: bool) -> String {
    let surname = SURNAMES.choose(rng).expect("non-empty");
    let pool = if male { MALE_CHARS } else { FEMALE_CHARS };
    let given: String = (0..rng.gen_range(1..=2))
        .map(|_| *pool.choose(rng).expect("non-empty"))
        .collect();
    format!("{surname}{given}")
}

/// A company name and its industry risk class (1..=8) for work-injury rates.
pub fn company(rng: &mut impl Rng, city_name: &str) -> (String, i32) {
    let city = city_name.trim_end_matches('市');
    let (trade, risk) = TRADE.choose(rng).expect("non-empty");
    let brand = BRAND.choose(rng).expect("non-empty");
    let form = if rng.gen_bool(0.8) {
        "有限公司"
    } else {
        "股份有限公司"
    };
    (format!("{city}{brand}{trade}{form}"), *risk)
}
