//! Chinese texts of elder mode and the session warning.

use crate::i18n::elder::ElderTexts;

pub static ZH: ElderTexts = ElderTexts {
    switch_to_elder: "长辈模式",
    switch_to_standard: "标准模式",
    greeting: |name| format!("{name}，您好"),
    actions_label: "常用服务",
    my_pension: "我的养老金",
    my_pension_paid: "每月领多少，什么时候发",
    my_pension_record: "交了多少年，交了多少钱",
    my_medical: "我的医保",
    my_medical_hint: "医保交费和个人账户",
    get_certificate: "开证明",
    get_certificate_hint: "参保证明、养老金领取证明，可以下载打印",
    file_out_of_area: "去外地看病备案",
    file_out_of_area_hint: "去外地住院或长住之前，先在这里备案",
    ask_relative: "请家人帮忙",
    ask_relative_hint: "让子女帮您查看和办理",
    all_services: "更多服务",
    idle_note: |minutes| format!("为了安全，{minutes} 分钟不操作会自动退出登录。"),
    clock_warning: "您已经有一段时间没有操作了。2 分钟后将自动退出登录。要继续使用吗？",
    clock_final: "您这次登录的时间快到了，2 分钟后将自动退出。请先保存正在填写的内容。",
    clock_continue: "继续使用",
    clock_ended: "您已经退出登录。",
    clock_sign_in: "重新登录",
};
