# REVIEW STATUS: NOT yet reviewed by a native speaker.
# English: machine-assisted translation; it has NOT yet been reviewed by a native speaker
# and must be reviewed before production use.
# 中文：本译文为机器辅助翻译，尚未经过以中文为母语的人士审校，正式使用前必须审校。
#
# Haven — 简体中文。参照文件为 locales/en/haven.ftl：本文件的消息键与其完全相同，顺序一致。

site-name = Haven
staff-site-name = Haven · 工作人员
skip-to-content = 跳到主要内容
quick-exit = 快速离开
nav-languages = 语言
nav-public = 主菜单
nav-report = 提交报告
nav-follow-up = 跟进报告
nav-staff = 工作人员
nav-cases = 案件
nav-account = 账户
nav-stats = 统计
nav-users = 工作人员账户
nav-groups = 接收方
nav-outbox = 发件箱
nav-audit = 审计日志
nav-referrals = 转介
nav-sign-out = 退出登录
footer-emergency = 如果您正面临紧急危险，请拨打 911。
footer-privacy = Haven 不会记录您的 IP 地址、您的浏览器，也不会记录您访问的确切时间。
yes = 是
no = 否
required = 必填
choose-none = — 未说明 —
error-prefix = 错误：

## Landing page
home-title = 安全地报告外国政府的骚扰
home-lead = 如果您身在加拿大，而有人代表外国政府威胁、跟踪、施压或骚扰您或您的家人，您可以在这里告诉我们。您不必提供姓名。
home-start-report = 提交报告
home-follow-up = 跟进报告
danger-call-911 = 如果您正面临紧急危险，请先拨打 911。
safety-title = 开始之前
safety-device = 请使用您信任的设备和网络。如果有人可能会检查您的手机或电脑，请使用浏览器的隐私（无痕）窗口，并在完成后关闭它。
safety-tor = Haven 可以在 Tor Browser 中使用，即使是最安全的设置、不启用 JavaScript 也可以。
safety-anonymous = 您可以在不提供姓名、也不留下任何联系方式的情况下提交报告。
safety-quick-exit = 每个页面顶部都有“快速离开”按钮，点击后会立即离开本网站。
safety-receipt = 提交报告后，您会得到一个案件编号和一个秘密回执。请把它们记在安全的地方：凭借它们，您可以回来查看回复、补充信息。
what-happens-title = 接下来会怎样
what-happens-1 = 个案工作人员通常会在两个工作日内阅读您的报告。紧急报告会优先阅读。
what-happens-2 = 如果您同意，他们可以帮您联系能够提供帮助的社区团体。
what-happens-3 = 除非您同意，否则我们不会向警方或其他任何人透露任何内容。

## Report form
report-title = 提交报告
report-intro = 请用您自己的话告诉我们发生了什么。只有第一个问题是必答的；其他问题请尽量回答。
report-required-note = 您的回答一到达我们这里就会被加密。
report-errors-title = 请检查您的报告
report-files-again = 为了您的安全，表单重新显示时不会保留已附加的文件：请重新附加。
report-submit = 发送我的报告
field-narrative = 发生了什么？
field-narrative-hint = 请描述发生了什么、在什么时间和地点，以及对您造成了什么影响。可以用任何语言填写。
field-kinds = 这是什么类型的事件？（可多选）
field-reporter-role = 您在这份报告中的身份是？
field-occurred-on = 事情是什么时候发生的？
field-occurred-on-hint = 填写日期（2026-05-14）；如果不记得具体是哪一天，可以填写月份（2026-05）。
field-where = 事情发生在哪里？
field-where-hint = 只填写城市和省份，不要填写街道地址。
field-city = 城市
field-province = 省或地区
field-community = 这涉及哪个社群？
field-channels = 对方是通过什么途径接触您的？（可多选）
field-state-link = 您认为背后是谁？
field-demands = 他们想要您做什么？（可多选）
field-involved = 涉及哪些人？（选填）
field-involved-hint = 如果您知道，并且说出来是安全的，请填写姓名、机构名称或描述。
field-identifiers = 他们使用的电话号码、账号或名字（选填）
field-identifiers-hint = 例如电话号码、微信或 Telegram 账号、电子邮箱、车牌号。每行一个。这有助于我们发现是否是同一批人骚扰了其他人。
field-family-affected = 我在原籍国的家人受到了影响
field-prior-reports = 您是否已经向警方、加拿大皇家骑警（RCMP）或加拿大安全情报局（CSIS）报告过此事？（选填）
field-prior-reports-hint = 如果报告过，请写明向谁报告，以及任何事件编号或案卷编号。
field-immediate-danger = 我正面临紧急危险
field-immediate-danger-hint = 请先拨打 911。勾选此项会将您的报告标记为紧急。
field-support = 哪些支持会对您有帮助？（可多选）
field-evidence = 证据（选填）
field-evidence-hint = 截图、照片、文件、音频或视频：最多 10 个文件，每个不超过 10 MB，总共不超过 25 MB。Haven 会删除 JPEG, PNG 和 WebP 照片中的位置信息和相机信息；对于其他文件（例如 HEIC 照片或视频），如果可以，请您自己删除这些信息。
field-contact-method = 我们可以怎样联系您？
field-contact-hint = 仅在您希望我们联系您时填写。选择“不要联系我”即可保持匿名。
field-contact-value = 您的电子邮件地址、电话号码或 Signal 用户名
field-consents = 您允许我们做什么？
field-consents-hint = 除非您勾选，否则以下各项都不会生效。您以后可以改变主意。
field-consent-referral = 将我的案件转介给能够提供帮助的合作社区团体
field-consent-police = 将我的报告提供给执法机关
field-consent-stats = 将我的报告（去除任何可以识别我身份的内容后）纳入匿名统计
field-lang = 语言
field-csrf-token = 表单

kind-online-harassment = 网络骚扰、威胁或人肉搜索（公开个人信息）
kind-surveillance = 被跟踪、监视或拍照
kind-family-threats = 原籍国的家人受到威胁或被拘押
kind-pressure-to-return = 被施压要求回国
kind-pressure-to-inform = 被施压要求提供他人情况或监视他人
kind-event-intimidation = 在活动、抗议现场或校园内受到恐吓
kind-hacking = 黑客攻击、网络钓鱼或设备被入侵
kind-smear-campaign = 抹黑、冒充身份或散布虚假信息
kind-proxy-contact = 被非官方“警察站”或其他国家代理人联系
kind-legal-abuse = 滥用法律或领事程序（INTERPOL 国际刑警组织通报、引渡请求、拒绝签发护照或拒绝提供领事服务）
kind-assault = 人身攻击或绑架未遂
kind-other = 其他情况

role-targeted = 我本人是被针对的人
role-witness = 我目睹了其他人遭遇此事
role-on-behalf = 我代表他人报告

channel-in-person = 当面
channel-phone = 电话
channel-wechat = 微信（WeChat）
channel-whatsapp = WhatsApp
channel-other-messaging = 其他即时通讯应用
channel-email = 电子邮件
channel-social-media = 社交媒体

state-link-embassy = 大使馆或领事馆
state-link-police = 警察或安全部门
state-link-proxy = 代表该国政府行事的组织
state-link-unknown = 我不知道

demand-stop-activism = 停止参与社会运动或公开发声
demand-return = 回到原籍国
demand-inform = 提供他人的情况
demand-other = 其他

support-safety-planning = 安全规划
support-legal = 法律帮助
support-immigration = 移民方面的帮助
support-digital-security = 数字安全
support-mental-health = 心理健康支持
support-community-contact = 与我所属的社群取得联系

contact-none = 不要联系我
contact-email = 电子邮件
contact-phone = 电话
contact-signal = Signal

community-uyghur = 维吾尔人
community-tibetan = 藏人
community-hong-kong = 香港人
community-chinese = 中国人（包括异见人士和人权捍卫者）
community-falun-gong = 法轮功
community-southern-mongolian = 南蒙古人
community-taiwanese = 台湾人
community-other = 其他社群

province-ab = 阿尔伯塔省
province-bc = 不列颠哥伦比亚省（卑诗省）
province-mb = 马尼托巴省
province-nb = 新不伦瑞克省
province-nl = 纽芬兰与拉布拉多省
province-ns = 新斯科舍省
province-nt = 西北地区
province-nu = 努纳武特地区
province-on = 安大略省
province-pe = 爱德华王子岛省
province-qc = 魁北克省
province-sk = 萨斯喀彻温省
province-yt = 育空地区

error-narrative-required = 请告诉我们发生了什么。
error-invalid-choice = 这个选择不在选项之中：请重新选择。
error-too-long = 这个回答太长了：请缩短。
error-occurred-on-invalid = 日期请写成 2026-05-14 的格式，月份请写成 2026-05 的格式，且不能是将来的时间。
error-contact-value-required = 请填写联系您的方式，或选择“不要联系我”。
error-contact-value-invalid = 对于您选择的联系方式，这看起来不是有效的电子邮件地址、电话号码或 Signal 用户名。
error-evidence-type = 其中一个文件的类型我们不接受（我们接受图片、PDF、纯文本、音频或视频）。请只附加这些类型的文件。
error-form-expired = 此表单已过期，因此没有发送任何内容。您的回答仍然保留在这里：请检查后重新发送。
error-form-used = 此表单已经发送过，因此没有再次发送。如果您想提交另一份报告，请在这里检查您的回答后发送。
error-control-characters = 其中含有不可见的控制字符，无法接受。请检查文字后重新发送。
error-display-name-long = 显示名称最多 100 个字符。请缩短后重新保存。
error-display-name-control = 显示名称包含无法接受的不可见控制字符。请重新输入后保存。
error-checkbox-value = 这个复选框提交的值不是“已勾选”。请重新勾选，或者留空。
error-repeated-field = 这个回答被提交了不止一次。请检查后重新发送表单。
error-evidence-name = 某个文件名含有不可见的控制字符。请重命名该文件后重新附加。

## Receipt
receipt-title = 我们已收到您的报告
receipt-stored = 您的报告已加密并安全保存。个案工作人员会阅读它。
receipt-reference-label = 案件编号
receipt-receipt-label = 秘密回执
receipt-stripped = { $count ->
    [one] 在保存之前，我们已删除 { $count } 张照片中的位置信息和相机信息。
   *[other] 在保存之前，我们已删除 { $count } 张照片中的位置信息和相机信息。
}
receipt-write-down = 请现在就记下案件编号和回执，并保存在安全的地方。
receipt-shown-once = 我们不会保存回执，也无法再次向您显示。凭借这两者，您可以回来查看回复、补充信息，或要求我们删除您的报告。
receipt-keep-safe = 任何拿到您回执的人都可以查看您的案件：请不要与任何人分享。
receipt-done = 我已经记下了
receipt-gone-title = 此回执已不再显示
receipt-gone-body = 为了您的安全，回执只会在您提交报告后的短时间内、在您所用的浏览器中显示。如果您没有记下，可以提交一份新的报告，并在其中提及之前的那一份。

## Error pages
error-code = 错误 { $code }
error-home = 返回首页
error-400-title = 此请求有问题
error-400-body = 页面无法理解所发送的内容。请返回，检查您填写的内容，然后重试。
error-403-title = 您无法打开此页面
error-403-body = 您的账户无权访问此页面。如果您认为应该有权访问，请联系管理员。
error-404-title = 找不到页面
error-404-body = 此地址没有任何内容。请检查链接，或从首页重新开始。
error-405-title = 此地址不接受这种请求
error-405-body = 请使用 Haven 页面上的链接和按钮，或从首页重新开始。
error-408-title = 耗时过长
error-408-body = 您发送的内容传送时间过长，因此没有保存任何内容。请检查您的网络连接，然后重试；如果网速较慢，请少附加一些文件，或附加较小的文件。
error-413-title = 内容过大
error-413-body = 您发送的内容超出了我们接受的上限（文件：每个最大 10 MB，总共 25 MB，最多 10 个文件）。没有保存任何内容。请返回并发送更小或更少的文件。
error-429-title = 尝试次数过多
error-429-body = 请等待几分钟后再试。
error-500-title = 我们这边出了问题
error-500-body = 这不是您造成的。如果您当时正在发送报告，报告并没有被保存：请在几分钟后重试。
error-503-title = Haven 暂时无法使用
error-503-body = 我们无法连接到数据库，因此没有保存任何内容。请在一分钟后重试：您的报告对我们很重要。
error-csrf-title = 此表单已过期
error-csrf-body = 为了您的安全，表单只在有限的时间内、并且只在本网站上有效。请返回，重新加载页面，然后再次发送表单。

## Staff: sign-in
login-title = 工作人员登录
login-email = 电子邮件地址
login-password = 密码
login-totp = 一次性验证码
login-totp-hint = 身份验证器应用中的六位数验证码，或您的一个恢复码。
login-submit = 登录
login-failed = 电子邮件地址或密码不正确，或账户未启用。请重试。
login-signed-out = 您已退出登录。
login-password-set = 您的密码已设置。现在可以登录了。
login-throttled = 登录失败次数过多。请等待 { $minutes } 分钟后再试。如果您忘记了密码，请向管理员索取重置链接。

## Staff: account
account-title = 您的账户
account-email = 电子邮件地址
account-role = 角色
account-organisation = 合作团体
account-session-idle = 如果 { $minutes } 分钟内没有任何操作，您将被自动退出登录。
role-staff-admin = 管理员
role-staff-caseworker = 个案工作人员
role-staff-liaison = 联络员

## Staff: queue and case
queue-title = 案件
queue-total = { $count ->
    [one] 共 { $count } 个案件
   *[other] 共 { $count } 个案件
}
queue-empty = 目前还没有案件。
queue-pages = 案件分页
col-reference = 编号
col-received = 收到时间
col-status = 状态
col-risk = 风险
col-kinds = 类型
col-community = 社群
col-province = 省份
source-phone = 电话
source-web = 网上表单
status-new = 新案件
status-triaged = 已初步评估
status-in-progress = 处理中
status-referred = 已转介
status-closed = 已结案
risk-routine = 一般
risk-elevated = 较高
risk-urgent = 紧急
case-title = 案件 { $reference }
case-heading = 案件
case-immediate-danger = 报告人表示自己正面临紧急危险。
case-source = 接收途径
case-language = 表单语言
case-report = 报告
case-evidence = 证据
case-no-evidence = 未附加任何文件。
case-evidence-warning = 文件只会被下载，绝不会在浏览器中打开。请在专门用于这项工作的设备上打开。
size-kib = { $kib } KiB
account-profile = 个人资料
account-display-name = 显示名称
account-language = 工作人员页面和电子邮件的语言
account-language-hint = 发给您的电子邮件会使用这种语言。
account-save = 保存
account-done-profile = 您的个人资料已保存。
account-duty = 值班
account-duty-on = 您正在值班：有紧急案件时，您会收到电子邮件。
account-duty-off = 您目前没有值班。
account-duty-start = 开始值班
account-duty-stop = 结束值班
account-done-duty = 您的值班状态已更改。
account-totp = 双重验证登录
account-totp-on = 已开启
account-totp-off = 已关闭
account-totp-manage = 管理

## Staff: queue filters and triage
queue-all = 全部（{ $count }）
queue-by-status = 按状态查看案件
queue-filters = 筛选案件
queue-first-page = 第一页
queue-next-page = 下一页
col-assignee = 负责人
filter-any = 不限
filter-kind = 类型
filter-me = 我
filter-nobody = 未分配
filter-from = 收到日期自
filter-to = 收到日期至
filter-sort = 排序
filter-apply = 应用
filter-clear = 清除筛选条件
sort-newest = 最新的在前
sort-oldest = 最早的在前
sort-risk = 最紧急的在前
case-triage = 初步评估
case-move-to = 将状态改为
case-move = 更改
case-set-risk = 设定风险
case-assign = 分配
case-notes = 内部备注
case-notes-hint = 只有工作人员能看到备注；备注和报告一样经过加密。
case-no-notes = 还没有备注。
case-new-note = 新备注
case-add-note = 添加备注
case-timeline = 时间线
case-done-status = 状态已更改。
case-done-risk = 风险等级已更改。
case-done-assign = 分配已更改。
case-done-note = 备注已添加。
case-done-filed = 报告已登记。
case-done-message = 您的消息已保存。报告人凭回执回来查看时，就会看到这条消息。
case-done-referred = 案件已转介；系统已发送电子邮件，通知该团体有事项等待处理。
case-error-transition = 此案件无法从当前状态转为该状态。请从提供的状态中选择一个。
case-error-changed = 刚才有其他人更改了此案件。请查看下方的状态，然后重试。
case-error-assignee = 案件只能分配给账户已启用的个案工作人员和管理员。
case-error-note-empty = 请先在备注中填写内容，再添加。
case-error-note-long = 这条备注太长：请分成几条备注。
case-error-note-control = 备注包含无法接受的不可见控制字符（例如 NUL 字节）。请重新输入后保存。
timeline-system = 报告人或系统
timeline-filed = 报告已登记
timeline-status = 状态已更改
timeline-risk = 风险已更改
timeline-assigned = 已分配给
timeline-unassigned = 已取消分配
timeline-note = 已添加备注
timeline-referred = 已转介给
timeline-message-to = 发给报告人的消息
timeline-message-from = 报告人发来的消息
timeline-evidence-added = 报告人补充了证据
timeline-deletion-requested = 报告人要求删除报告
timeline-deletion-cancelled = 报告人撤回了删除请求
timeline-referral-accepted = 转介已被接受：
timeline-referral-declined = 转介已被拒绝：
timeline-referral-update = 更新来自

## Staff: intake by phone
intake-phone-link = 通过电话受理报告
intake-title = 通过电话受理报告
intake-intro = 请按来电者的讲述录入报告。只有“发生了什么”是必填的。结束时，请向来电者读出案件编号和回执。
intake-submit = 登记报告
intake-done-title = 报告已登记
intake-done-read-out = 请现在就慢慢地向来电者读出案件编号和回执，并请对方把两者都记下来。
intake-done-once = 回执不会被保存，也不会再次显示。
intake-open-case = 打开案件

## Staff: statistics
stats-title = 统计
stats-intro = 以下数字仅来自报告人同意纳入匿名统计的报告。
stats-suppression = 小于 { $n } 的数字一律不显示，以免任何人被识别出来；如果被隐藏的数字可以通过减法推算出来，其他数字也会被隐藏，直到无法推算为止。
stats-total = 同意纳入统计的报告共 { $count } 份
stats-total-small = 同意纳入统计的报告少于 { $n } 份
stats-download = 下载 CSV 文件
stats-by-kind = 按事件类型
stats-by-community = 按社群
stats-by-province = 按省或地区
stats-by-month = 按收到月份
stats-category = 类别
stats-count = 报告数
stats-not-stated = 未说明
stats-suppressed = 少于 { $n }
stats-empty = 还没有同意纳入统计的报告。

## Staff: two-factor sign-in
totp-title = 双重验证登录
totp-intro = 开启双重验证登录后，每次登录都需要输入手机应用生成的六位数验证码，因此仅凭被盗的密码无法登录。
totp-start = 设置双重验证登录
totp-step-app = 在您的手机上安装一个验证器应用（例如 FreeOTP、Aegis 或 Google Authenticator）。
totp-step-scan = 用该应用扫描此码，或在应用中输入下方的密钥。
totp-qr-alt = 供验证器应用扫描的 QR 码
totp-manual = 手动输入的密钥：
totp-step-confirm = 输入应用当前显示的六位数验证码
totp-confirm = 开启双重验证登录
totp-enabled = 双重验证登录已开启。
totp-current-code = 当前的六位数验证码
totp-new-codes = 生成新的恢复码
totp-disable = 关闭双重验证登录
totp-done-off = 双重验证登录已关闭。
totp-codes-title = 您的恢复码
totp-codes-once = 每个恢复码都可以让您在没有手机的情况下登录一次。请把它们抄下来或打印出来，并妥善保管：它们只在此时显示。
totp-codes-done = 我已保存
totp-admin-required = 管理员必须使用双重验证登录。请先完成设置才能继续。
totp-required = 所有工作人员账户都必须使用双重验证登录。请先完成设置才能继续。
totp-error-code = 验证码不正确。请检查手机上的时间，然后输入当前显示的验证码。
totp-error-admin = 管理员必须保持双重验证登录处于开启状态。
totp-error-required = 所有工作人员账户都必须使用双重验证登录，因此无法关闭。

## Staff: passwords
password-title = 设置您的密码
password-rules = 请使用至少 15 个字符：几个互不相关的词就能组成一个好密码。可以使用任何语言和任何字符。
password-new = 新密码
password-confirm = 再次输入同一密码
password-submit = 设置密码
password-mismatch = 两次输入的密码不一致。请重新输入。
password-too-short = 此密码太短：请至少使用 15 个字符。
password-too-long = 此密码太长：最多只能使用 256 个字符。
password-too-common = 此密码太常见或太简单（它出现在已泄露密码的列表中，或者在重复某种规律）。请另选一个。
password-link-gone = 此链接已被使用或已过期。请向管理员索取新链接。

## Staff: accounts (administrators)
admin-users-title = 工作人员账户
admin-state = 状态
admin-active = 已启用
admin-inactive = 已停用
admin-on-duty = 值班中
admin-no-password = 尚未设置密码
admin-new-user = 新账户
admin-organisation-for-liaison = 合作团体（仅限联络员）
admin-create = 创建账户
admin-actions = 操作
admin-deactivate = 停用（立即结束该账户的所有登录会话）
admin-reactivate = 重新启用
admin-send-reset = 发送密码重置链接
admin-change-role = 更改角色
admin-done-created = 账户已创建。设置密码的链接已通过电子邮件发送给账户持有人。
admin-done-reset = 新的密码链接已通过电子邮件发送；之前的链接已失效。
admin-done-active = 账户状态已更改。
admin-done-role = 角色已更改；该账户的所有登录会话均已结束。
admin-done-duty = 值班状态已更改。
admin-link-explain = 如果电子邮件无法使用，请通过安全的渠道把这个一次性链接交给账户持有人。链接将在 48 小时后失效。
admin-error-email = 请输入有效的电子邮件地址。
admin-error-role = 请选择一个角色。
admin-error-organisation = 联络员必须有合作团体，而且只有联络员才有合作团体。请据此选择。
admin-error-exists = 使用此电子邮件地址的账户已经存在。
admin-error-official-body = 这是官方机构，不是合作团体：官方机构没有联络员。请选择一个合作团体，或选择其他角色。
admin-error-self = 您不能停用自己的账户，也不能取消自己的管理员角色。

## Emails (never any report content)
mail-footer = 此邮件由 Haven 发送，不含任何案件详情；请登录查看。
mail-urgent-case-subject = Haven 中有一个紧急案件正在等待处理
mail-urgent-case-body = 一个标记为紧急的案件——可能存在紧急危险——正在等待个案工作人员处理。
mail-urgent-case-link = 登录查看紧急案件
mail-welcome-subject = 您的 Haven 账户
mail-welcome-body = 我们已在 Haven 上为您创建了账户。请通过下面的链接设置密码；该链接只能使用一次，并将在 48 小时后失效。
mail-welcome-link = 设置您的密码
mail-password-reset-subject = 重置您的 Haven 密码
mail-password-reset-body = 管理员向您发送了一个设置新密码的链接。该链接只能使用一次，并将在 48 小时后失效。如果您没有预料到这封邮件，请告知您的管理员。
mail-password-reset-link = 设置新密码

## Referrals
referral-heading = 转介给合作团体
referral-intro = 请选择一个或多个团体，并为每个团体写下对方需要了解的内容。对方只能看到您在这里写的内容——绝不会看到报告、联系方式或证据。
referral-summary = 给该团体的摘要
referral-summary-hint = 只写该团体提供帮助所需要的内容，而且只写报告人会同意分享的内容。
referral-submit = 转介案件
referral-no-consent = 报告人没有同意转介，因此此案件不能转介。
referral-no-groups = 目前没有已启用的合作团体。管理员可以在“接收方”中添加。
referral-status-pending = 等待答复
referral-status-accepted = 已接受
referral-status-declined = 已拒绝
referral-decline-reason = 给出的理由：
referral-error-consent = 报告人没有同意转介：Haven 不会转介此案件。
referral-error-group = 请至少选择一个已启用的合作团体。
referral-error-summary = 请为您选择的每个团体写一份摘要（最多 10,000 个字符）。不能接受不可见的控制字符（例如 NUL 字节）。
referral-error-already = 此案件已经转介给其中一个团体。
referral-error-decided = 此转介已经答复过了。
referral-error-not-accepted = 请先接受转介，再发布更新。
referral-error-text = 请填写内容（最多 10,000 个字符）。不能接受不可见的控制字符（例如 NUL 字节）。
referrals-title = 贵团体收到的转介
referrals-intro = 每项转介只包含个案工作人员为贵团体撰写的摘要。
referrals-empty = 还没有转介。
referrals-received = 收到时间
referrals-updated = 最后更改
referral-title = 转介
referral-summary-only = 这就是与贵团体分享的全部内容。
referral-decide = 您的答复
referral-accept = 接受
referral-reason = 如果拒绝，请告诉个案工作人员原因
referral-decline = 拒绝
referral-updates = 更新
referral-no-updates = 还没有更新。
referral-new-update = 给个案工作人员的新更新
referral-update-hint = 系统会发送电子邮件告知个案工作人员有新的更新；更新内容本身只保留在 Haven 中。
referral-post-update = 发布更新
referral-done-accept = 您已接受此转介，个案工作人员已获通知。
referral-done-decline = 您已拒绝此转介，个案工作人员已获通知。
referral-done-update = 您的更新已发布，个案工作人员已获通知。

## Recipients: partner groups and official bodies (administrators)
groups-title = 接收方
groups-intro = 只有在报告人同意后才能与之共享案件的对象：合作团体（其联络员会登录 Haven），以及官方机构（警方、国家安全、法律、其他），官方机构从不登录。没有 age 公钥的接收方只会收到案件已被共享的通知，绝不会收到案件内容。
groups-empty = 还没有接收方。
group-new = 新接收方
group-name = 名称
group-emails = 电子邮件地址
group-emails-hint = 每行一个。Haven 只会通过电子邮件告诉他们有事项在等待或有内容已与其共享，绝不会告诉他们具体是什么。
group-communities = 服务的社群
group-language = 接收方电子邮件的语言
group-active = 已启用（可以接收转介和共享的案件）
group-create = 创建接收方
group-liaisons = 联络员
group-no-liaisons = 还没有联络员账户。
group-add-liaison = 添加联络员（创建账户时选择此团体）
group-done-created = 接收方已创建。
group-done-saved = 接收方已保存。
group-error-name = 请为接收方填写名称（最多 200 个字符，不含控制字符或不可见字符）。
group-error-email = 请至少填写一个电子邮件地址，每行一个，每个都必须是有效地址。
group-error-community = 请从列表中选择社群。
group-error-exists = 同名的合作团体或官方机构已经存在。请换一个名称，或从列表中打开已有的那个。
recipient-kind = 类型
recipient-kind-hint = 合作团体有联络员，联络员会登录 Haven 并接收转介。官方机构没有联络员，也从不登录。只有在报告人同意将案件提供给执法机关时，警方和国家安全机构才能收到案件；合作团体、法律机构和其他机构则需要报告人同意转介。
recipient-kind-partner = 合作团体
recipient-kind-police = 警方
recipient-kind-national-security = 国家安全
recipient-kind-legal = 法律
recipient-kind-other = 其他官方机构
recipient-communities-hint = 仅适用于合作团体：如果是官方机构，请不要勾选。
recipient-age-key = age 公钥（可选）
recipient-age-key-hint = 接收方发给您的公钥：以 age1 开头（age-keygen 会在“public key:”之后显示）。绝不能是对方的私钥。没有公钥时，接收方只会收到案件已被共享的通知，绝不会收到案件内容；如需如此，请将此栏留空。
recipient-key = age 公钥
recipient-key-none = 没有公钥：仅通知
recipient-official-no-liaisons = 官方机构没有联络员，也从不登录 Haven。系统只会通过电子邮件告诉其地址有案件已与其共享，绝不会告诉案件内容。
recipient-error-kind = 请从列表中选择类型。
recipient-error-communities = 只有合作团体才服务社群。请取消勾选社群，或将类型选为“合作团体”。
recipient-error-kind-change = 合作团体始终是合作团体，官方机构始终是官方机构。如需更改，请创建新的接收方。
recipient-error-secret-key = 这是私钥（以 AGE-SECRET-KEY- 开头）：它没有被保存，而且只能由接收方自己保管。请向对方索取以 age1 开头的公钥。如果对方通过电子邮件或聊天软件把私钥发给了您，请让对方重新生成一对密钥。
recipient-error-age-key = 这不是 age 公钥，因此没有保存任何内容。公钥以 age1 开头，共有 62 个字母和数字：请重新完整粘贴。或者将此栏留空：这样接收方只会收到案件已被共享的通知。
recipient-done-key = 接收方已保存，并使用新的 age 公钥：今后与其共享的内容都会用这把公钥加密。
recipient-done-key-removed = 接收方已保存，且没有 age 公钥：今后它只会收到案件已被共享的通知。

## Outbox (administrators)
outbox-title = 发件箱
outbox-intro = Haven 发送的每一封电子邮件都会经过这里。发送失败的邮件已经尝试过多次，每次等待的时间都更长。
outbox-by-status = 按状态查看邮件
outbox-pending = 待发送
outbox-sent = 已发送
outbox-failed = 发送失败
outbox-empty = 没有邮件。
outbox-created = 创建时间
outbox-recipient = 收件人
outbox-kind = 邮件类型
outbox-attempts = 尝试次数
outbox-last-error = 最近一次错误
outbox-next = 下次尝试
outbox-retry = 重试
outbox-done-retry = 该邮件已重新排队，很快就会发送。
outbox-template-urgent-case = 紧急案件待处理
outbox-template-welcome = 新账户
outbox-template-password-reset = 密码重置
outbox-template-referral-waiting = 转介待处理
outbox-template-referral-answered = 转介已答复
outbox-template-referral-withdrawn = 转介已撤回

## Referral emails (never any report content)
mail-referral-waiting-subject = Haven 中有一项转介正在等待 { $group } 处理
mail-referral-waiting-body = 一位个案工作人员已将一个案件转介给 { $group }。请登录 Haven，阅读对方为您撰写的内容并作出答复。
mail-referral-waiting-link = 登录查看您的转介
mail-referral-answered-subject = { $group } 已在 Haven 中答复了一项转介
mail-referral-answered-body = { $group } 已答复或更新了您转介的一个案件。请登录查看。
mail-referral-answered-link = 登录查看您的案件
mail-waiting-subject = Haven 中可能有事项等待您处理
mail-waiting-body = Haven 在固定时间发送此邮件。可能有事项等待您处理——一条消息、一个答复或一项转介。请登录查看。
mail-waiting-link = 登录 Haven

## Follow-up by receipt (reporters)
follow-up-title = 跟进您的报告
follow-up-intro = 请输入您提交报告时得到的案件编号和秘密回执。您可以看到个案工作人员发给您的消息，也可以回复、补充证据，或要求我们删除您的报告。
follow-up-reference-hint = 例如 K7M3-Q9PX。字母大写、小写都可以，有没有短横线（-）都可以。
follow-up-receipt-hint = 共 20 位数字，有没有空格都可以。
follow-up-open = 打开我的报告
follow-up-wrong = 案件编号或回执不正确。请检查两者，然后重试。
follow-up-held = 使用此案件编号或从此连接尝试的次数过多。请等待几秒钟后再试。
follow-up-left = 您已离开您的报告。如果还有其他人使用这台设备，请关闭此窗口。
follow-up-expired = 为了您的安全，您有一段时间没有操作，本次访问已经结束。请重新输入案件编号和回执。
follow-up-case-title = 您的报告
follow-up-status = 您的报告进展如何
follow-up-received = 我们于 { $date } 收到您的报告。
reporter-status-new = 已收到。个案工作人员很快就会阅读。
reporter-status-triaged = 个案工作人员已经阅读了您的报告。
reporter-status-in-progress = 个案工作人员正在处理您的案件。
reporter-status-referred = 经您同意，您的案件已转介给能够提供帮助的社区团体。
reporter-status-closed = 您的案件已结案。如果有新的情况发生，您仍然可以发送消息。
follow-up-messages = 消息
follow-up-no-messages = 还没有消息。个案工作人员可能会在这里给您留言；请过些时候回来查看。
follow-up-from-you = 您
follow-up-from-caseworker = 个案工作人员
follow-up-reply = 您的消息
follow-up-send = 发送消息
follow-up-evidence = 补充证据
follow-up-files = { $count ->
    [one] 我们已收到您随报告提交的 { $count } 个文件。
   *[other] 我们已收到您随报告提交的 { $count } 个文件。
}
follow-up-add-evidence = 发送文件
follow-up-delete-title = 删除您的报告
follow-up-delete-explain = 如果您提出要求，您的报告、消息和文件将在 { $hours } 小时后被永久删除。在此之前，您可以在这里改变主意。
follow-up-delete = 删除我的报告
follow-up-deletion-pending-title = 您的报告将被删除
follow-up-deletion-pending = 您的报告及所有相关内容将于 { $date } 被永久删除。如果这不是您的本意，或者是有人逼您这样做的，您可以保留报告。
follow-up-keep = 保留我的报告
follow-up-leave = 离开并清除本次访问
follow-up-done-reply = 您的消息已发送。
follow-up-done-evidence = 我们已收到您的文件。
follow-up-done-deletion = 您的报告将被删除。
follow-up-done-kept = 您的报告将会保留。
follow-up-error-message = 请先填写消息（最多 10,000 个字符）。
follow-up-error-no-file = 请至少选择一个要发送的文件。
follow-up-error-evidence-cap = 此案件的文件已达到上限（总共最多 30 个文件、100 MB），因此没有添加任何内容。您可以在消息中描述其他证据。

## Staff: messages with the reporter, deletion requests
case-messages = 与报告人的消息往来
case-messages-hint = Haven 从不主动联系报告人：报告人凭回执回来时，才会读到您的消息。
case-no-messages = 还没有消息。
case-from-reporter = 报告人
case-new-message = 给报告人的消息
case-send-message = 发送消息
case-error-message = 请先填写消息（最多 10,000 个字符）。不能接受不可见的控制字符（例如 NUL 字节）。
case-deletion-requested = 报告人已要求删除这份报告。除非报告人撤回请求，否则报告将于 { $date } 被永久删除。
case-delete-now = 立即删除
case-error-no-deletion = 报告人没有要求删除这份报告。

## Audit log (administrators)
audit-title = 审计日志
audit-intro = 工作人员对案件、转介、账户或设置的每一次查看和更改：谁、做了什么、何时。记录无法更改或删除，而且每一条都通过哈希值与前一条相链接，因此任何篡改都会显现出来。
audit-total = { $count ->
    [one] 共 { $count } 条记录
   *[other] 共 { $count } 条记录
}
audit-filters = 筛选审计日志
audit-actor = 操作人（电子邮件地址）
audit-action = 操作（或其开头部分）
audit-target-type = 对象类型
audit-target-id = 对象 ID
audit-target = 对象
audit-detail = 详情
audit-when = 时间
audit-empty = 没有符合条件的记录。
audit-verify = 检查记录链
audit-intact = 记录链完整：共 { $count } 条记录，每一条都与其哈希值相符，并正确衔接前一条。
audit-altered = 编号为 { $n } 的记录在写入后被改动过。请将此数据库视为已遭入侵，并告知负责安全事务的人员。
audit-missing = 紧挨在编号为 { $n } 的记录之前的记录已被删除。请将此数据库视为已遭入侵，并告知负责安全事务的人员。
audit-checkpoint = 检查点（可选）
audit-checkpoint-hint = 由“haven audit checkpoint”输出、或在此前检查后显示于此处的一行。检查时还会确认截至该点的记录是否被删除。
audit-checkpoint-invalid = 检查点：这不是有效的检查点。请粘贴完整的一行：一个数字、一个冒号和 64 个十六进制字符。
audit-filter-invalid = { $field }不能包含控制字符（例如 NUL 字节）。请删除后重新筛选。
audit-head = 最新记录的检查点。请在 Haven 及其备份之外保存一份副本；日后据此检查，即可发现记录是否被删除：
audit-unkeyed = 全部 { $count } 条记录都没有用本服务器的审计密钥签名：记录链的签名已被剥除，或此密钥文件并非签名时所用的文件。请将此数据库视为已遭入侵，并告知负责安全事务的人员。
audit-truncated = 检查点所指的编号为 { $n } 的记录已不存在：最新的记录已被删除。请将此数据库视为已遭入侵，并告知负责安全事务的人员。
audit-diverged = 编号为 { $n } 的记录与检查点不再一致：截至该点的记录已被删除或改写，或该检查点属于另一个数据库。请将此数据库视为已遭入侵，并告知负责安全事务的人员。

# People's keys (accounts)
recovery-title = 您的恢复密钥
recovery-what = 您的账户有自己的密钥，用来打开您有权阅读的报告。这些密钥由您的密码锁住。如果您哪天忘记了密码，这个恢复密钥也能打开它们。
recovery-shown-once = 它只在此时显示：Haven 不保留任何副本，也无法再次显示。
recovery-keep = 请把它打印出来或抄在纸上，存放在安全的地方，远离这台电脑。不要把它存在这台电脑或手机上的文件、电子邮件或照片里。
recovery-without = 没有它，忘记密码就意味着重置后会得到新的密钥；在持有团队密钥的同事登录并重新授予您访问权限之前，您将无法打开报告。
recovery-replaced = 您的密码是在没有恢复密钥的情况下重置的，因此您的账户有了新的密钥。您可以登录，但在持有团队密钥的同事登录并重新授予您访问权限之前，您无法打开报告。
recovery-print = 打印
recovery-continue = 我已妥善保存：继续
password-recovery-key = 恢复密钥（如果您有）
password-recovery-key-with = 如果您有账户密钥创建时给您的恢复密钥，请输入：您的密钥会保留，访问权限不变。
password-recovery-key-without = 没有它，您的账户会得到新的密钥；在持有团队密钥的同事登录并重新授予您访问权限之前，您将无法打开报告。
password-recovery-key-wrong = 这个恢复密钥打不开此账户的密钥，因此没有做任何更改。请检查（五个一组的字母和数字）后重试，或留空以获得新的密钥。此链接仍然有效。
login-password-set-kept = 您的密码已设置，密钥已保留：您的访问权限不变。现在可以登录了。
login-password-set-replaced = 您的密码已设置，您的账户有了新的密钥。登录后，在持有团队密钥的同事登录并重新授予您访问权限之前，您无法打开报告。
account-password = 密码
account-password-current = 当前密码
account-password-change = 更改密码
account-password-sessions = 更改后，您在其他所有地方都会退出登录；在这里仍保持登录。
account-password-wrong = 当前密码不正确，因此没有做任何更改。请重新输入。
account-done-password = 您的密码已更改，您已在其他所有地方退出登录。您的密钥已保留。
keys-label = 密钥
keys-state-holds = 已持有：可打开其角色允许的内容
keys-state-waits-grant = 等待授予：持有团队密钥的同事会在下次登录时授予
keys-state-waits-sign-in = 等待首次登录：尚无密钥
keys-admin-explain = 每个账户都用自己的密钥打开报告。新账户，或在没有恢复密钥的情况下重置了密码的账户，要等到持有密钥的同事登录时才会被授予。
keys-escrowed = 在每位个案工作者和管理员都至少登录一次之前，团队密钥也由服务器的主密钥保管：在此之前，服务器的副本加上其密钥文件就能打开它。
error-keys-title = 无法打开此账户的密钥
error-keys-body = 您已登录，但报告及其中加密保存的内容仍对您关闭；列表仍可使用。如果您的密码是在没有恢复密钥的情况下重置的，持有密钥的同事会在下次登录时把密钥授予您；您也可以索取新的重置链接并使用您的恢复密钥。如果您认为有人改了您的密码，请立即告诉管理员。

# Linked cases
nav-links = 关联案件
case-done-link-confirmed = 链接已确认。
case-done-link-dismissed = 链接已驳回：这两个案件不再算作关联。
case-done-link-none = 这两个案件已不再共享任何标识：未记录任何内容。下方页面显示当前的链接。
links-heading = 也出现在
links-none = 没有其他案件提到本报告中的电话号码、地址、账号或车牌。
links-hint = 其他报告提到了相同的标识。这里只显示本报告自己的文字。确信是同一施害者后请确认链接；否则请驳回。
links-received = 收到于 { $date }
links-state-open = 未决定
links-state-confirmed = 已确认
links-state-dismissed = 已驳回
links-confirm = 确认与 { $reference } 的链接
links-dismiss = 驳回与 { $reference } 的链接
links-more = 此处未列出的案件：{ $n }。查看整个组。
links-see-group = 查看本案件所在的关联案件组
links-unavailable = 关联不可用：无法用您的密钥打开关联密钥。案件其余内容照常显示。管理员可以检查您的账户是否已获授予个案团队的密钥。
links-capped = 本报告提及 { $n } 个电话号码、地址、账号或车牌。只有前 20 个用于关联其他案件，以免有人借提及大量标识的报告查出哪些案件提及它们。
identifier-phone = 电话号码
identifier-email = 电子邮箱
identifier-wechat = 微信账号
identifier-telegram = Telegram 账号
identifier-signal = Signal 账号
identifier-handle = 账号或用户名
identifier-plate = 车牌
link-groups-title = 关联案件组
link-groups-intro = 提到相同电话号码、地址、账号或车牌的案件，直接或间接关联；被个案工作者驳回的链接不计。先列最大的组，再列最近的。
link-groups-around = 案件 { $reference } 所在的组。
link-groups-all = 所有组
link-groups-count = 组数：{ $n }
link-groups-empty = 尚无关联案件。
link-groups-cases = 案件数：{ $n }
link-groups-received = 收到于
link-groups-state = 决定
link-groups-confirmed = 已确认的链接：{ $n }
link-groups-unconfirmed = 尚无已确认的链接
link-groups-show-more = 显示更多组

# 期限、动态，以及谁看过（报告人的查阅记录）
date-day = { $year }年{ $month }月{ $day }日
follow-up-next-reply = 个案工作者将在 { $date } 之前在本页回复您。
follow-up-next-reply-late = 个案工作者本应在 { $date } 之前回复您。很抱歉耽误了时间：您的报告安全无虞，正在等待个案工作者处理。请稍后再来查看。
follow-up-next-response = 个案工作者已回复您。下一步——开始处理您的报告，或在您同意的情况下转介给社区团体——计划在 { $date } 之前完成。
follow-up-next-response-late = 下一步原计划在 { $date } 之前完成。很抱歉耽误了时间；个案工作者会在本页给您留言。
follow-up-next-working = 个案工作者正在处理您的报告。请回到本页阅读他们的留言。
follow-up-access-title = 谁打开过您的报告
follow-up-access-explain = 此列表只显示打开您报告的人的角色（从不显示姓名），以及报告被分享给了哪些社区团体，精确到日。任何持有您的编号和凭据的人也能看到此列表。
follow-up-access-none = 还没有人打开过您的报告。
follow-up-access-opened-caseworker = 由一名个案工作者打开
follow-up-access-opened-admin = 由一名 Haven 管理员打开
follow-up-access-shared = 已分享给 { $group }
follow-up-access-accepted = { $group } 已接受
sort-attention = 最需要处理的在前
filter-linked = 只显示与其他案件相关联的案件
col-deadline = 下一个期限
col-activity = 报告人最近动态
deadline-reply-due = 回复期限 { $date }
deadline-response-due = 处理期限 { $date }
deadline-reply-overdue = { $days ->
    [0] 回复已逾期不到一天
   *[other] 回复已逾期 { $days } 天
}
deadline-response-overdue = { $days ->
    [0] 处理已逾期不到一天
   *[other] 处理已逾期 { $days } 天
}
queue-unread = 报告人有新动态
workload-title = 各个案工作者的期限
workload-caseworker = 个案工作者
workload-due-soon = { $days } 天内到期
workload-overdue = 已逾期
workload-nobody = 未分配
workload-explain = 点击姓名，按最需要处理的顺序查看其案件。
case-deadlines = 期限
case-deadline-ack = 首次给报告人留言，期限 { $date }
case-deadline-response = 首次实质处理（处理中、已转介或已结案），期限 { $date }
case-deadline-met = 已于 { $date } 完成
case-deadline-pending = 尚未完成
case-deadline-lapsed = 结案前未完成
case-deadline-overdue = { $days ->
    [0] 已逾期不到一天
   *[other] 已逾期 { $days } 天
}
case-unread = 自 { $date } 起报告人有新的回复或证据。负责人（若无负责人则任何人）打开本案即视为已读。
case-last-activity = 报告人最近一次回复或提交证据：{ $date }
link-groups-page = 从第 { $n } 个案件起列出，最新的在前。
link-groups-previous = 上一页案件
link-groups-next = 下一页案件（还有 { $n } 个）

## Packets: a case shared beyond Haven
packet-heading = 分享资料包
packet-intro = 资料包包含报告、您选择的证据文件和您的随附说明，并经过加密，只有其接收方才能打开。资料包绝不会包含报告人的联系方式、回执、消息或内部备注。
packet-recipient = 接收方
packet-recipient-hint = 这里只列出报告人已同意与其分享的接收方。没有密钥的接收方只会收到一则通知，告知有案件与其分享。
packet-choose = 选择接收方
packet-notice-only = 无密钥：仅发送通知
packet-cover = 随附说明
packet-cover-hint = 接收方应首先阅读的内容：您为什么分享此案件，以及您希望对方做什么。
packet-evidence = 要包含的证据文件
packet-consent-online = 本案的一项同意是在报告人的跟进页面上给予的，而不是在其报告中。任何持有回执的人都可以这样做：分享之前，请在“消息”中向报告人确认是其本人。
packet-never = 每个资料包都会记入审计日志，报告人的跟进页面也会显示其案件已被分享，以及分享给了谁。
packet-build = 生成资料包
packet-no-recipients = 尚未设置任何接收方。管理员可以在“接收方”中添加。
packet-no-consent = 报告人没有同意与 Haven 中设置的任何接收方分享。
packet-files = { $count ->
   *[other] { $count } 个证据文件
}
packet-open-page = 前往下载页面
packet-status-ready = 可下载
packet-status-downloaded = 已下载
packet-status-expired = 已过期，已删除
packet-status-notice = 已发送通知，无密钥
packet-error-recipient = 请从列表中选择接收方。
packet-error-consent = 报告人没有给出此接收方所需的同意，因此没有分享任何内容。如果报告人在其跟进页面上给出同意，届时您就可以生成资料包。
packet-error-referral = 合作团体通过转介接收资料包。请先将案件转介给该团体，再生成资料包。
packet-error-cover = 请填写随附说明：须为可阅读的文字，最多 10,000 个字符，不含控制字符。
packet-error-file = 所选文件中有一个不属于此案件。请重新加载页面，然后重新选择。
case-done-packet-group = 资料包已生成。系统已发送电子邮件，告知该团体的联络员资料包已准备好；其中一人可以在 14 天内通过转介下载一次。
case-done-packet-notice = 此接收方没有密钥，因此只发送了一则告知有案件与其分享的通知。案件的任何内容都没有离开 Haven。
packet-title = 资料包
packet-back = 返回案件 { $reference }
packet-done-built = 给 { $recipient } 的资料包已生成，并已用其密钥加密。请现在下载，然后发送给对方。
packet-built = 生成时间
packet-contents = 内容
packet-sha256 = 加密文件的 SHA-256 值
packet-downloaded = 下载时间
packet-download-heading = 下载
packet-download-once = { $minutes ->
   *[other] 此资料包只能下载一次，且须在生成后 { $minutes } 分钟内下载。之后 Haven 会删除该文件。
}
packet-until = 可下载至 { $date }。
packet-download = 下载加密资料包
packet-for-group = 此资料包是给合作团体的：该团体的联络员会通过其转介下载。
packet-open-heading = 接收方如何打开
packet-open-deliver = 请通过您与接收方约定的渠道把文件发送给对方。文件已用对方的密钥加密：其他任何人，包括 Haven，都无法打开。
packet-open-hint = 接收方用自己的 age 私钥打开：
packet-open-check = 对方可以核实该文件正是 Haven 生成的文件，而且其中的内容没有被改动：
packet-gone-title = 此资料包无法再次下载
packet-gone-body = 资料包只能在规定时间内下载一次。此资料包已被下载或已超过时限，Haven 已删除该文件。如果接收方仍然需要，请从案件页面生成新的资料包。
packet-gone-back = 返回
packet-group-heading = 给贵团体的资料包
packet-group-intro = Haven 的个案工作人员以加密资料包的形式与贵团体分享了此案件，只有贵团体的 age 密钥才能打开。贵团体中的一人可以下载一次；之后 Haven 会删除该文件。
packet-group-notice = { $date }：Haven 已通知贵团体此案件已与贵团体分享，但贵团体没有密钥，因此没有生成资料包。请联系 Haven 的管理员，添加贵团体的 age 公钥。
packet-group-built = 资料包生成于 { $date }
packet-group-until = 可下载至 { $date }。
packet-doc-title = Haven：案件资料包
packet-doc-case = 案件
packet-doc-recipient = 接收方
packet-doc-confidential = 机密。经报告人同意而分享：未事先征询 Haven，请勿转交他人。
packet-doc-report = 报告 { $reference }
packet-doc-intro = Haven 于 { $date } 收到。不包含报告人的联系方式。
packet-custody-title = 证据保管链
packet-custody-report = 报告收到时间
packet-custody-exported = 导出时间
packet-added-by-reporter = 由报告人添加
packet-added-by-staff = 由个案工作人员添加
mail-packet-ready-subject = Haven 已为 { $group } 准备好加密资料包
mail-packet-ready-body = Haven 的个案工作人员已为 { $group } 准备了一个加密资料包。本邮件不含资料包的任何内容。合作团体的联络员在 Haven 中通过其转介下载；官方机构则由个案工作人员提供文件。请用您的 age 密钥打开。
mail-packet-ready-link = 前往 Haven
mail-case-shared-subject = Haven 已与 { $group } 分享一个案件
mail-case-shared-body = 经报告人同意，Haven 的个案工作人员已与 { $group } 分享了一个案件。Haven 没有您的加密密钥，因此没有发送案件的任何内容：个案工作人员会与您联系。如需接收加密资料包，请将您的 age 公钥发送给 Haven。
mail-case-shared-link = 前往 Haven
mail-recipient-key-changed-subject = { $group } 的加密密钥已在 Haven 中更改
mail-recipient-key-changed-body = 一位管理员设置、更改或移除了 Haven 用于为 { $group } 加密数据包的 age 密钥。每位管理员都会收到此通知。如果这不在您的预料之中，请立即检查该接收方的页面和审计日志：用错误密钥加密的数据包，任何持有该密钥的人都能打开。
mail-recipient-key-changed-link = 检查接收方
mail-admin-access-changed-subject = Haven 中的一个管理员账户已变更
mail-admin-access-changed-body = 一位管理员被停用，或某个账户获得或失去了管理员角色。每位管理员以及相关账户都会收到此通知。如果这不在您的预料之中，请立即检查账户页面和审计日志。
mail-admin-access-changed-link = 检查账户
packet-error-deletion = 报告人已要求删除此案件，因此案件的任何内容都不会再离开 Haven。如果报告人在跟进页面上取消该请求，您届时可以再制作资料包。
packet-group-accept-first = 接受转介后即可下载资料包。

# 由报告人掌握的同意：每个接收方能看到什么、报告保存多久、跟进页面上的同意和“已分享给”。
consent-sees-referral = 他们能看到什么：合作社区团体会看到个案工作人员为其撰写的摘要。只有当个案工作人员选择与其分享时，他们才会看到您的报告本身或您的文件；只有当个案工作人员把您的联系方式写进摘要时，他们才会看到您的联系方式。该团体只会收到一封电子邮件，告诉他们有事项在等待处理。其他能提供帮助的人（例如律师）会收到一个只有他们才能打开的加密文件，内含您的报告、个案工作人员选定的文件、个案工作人员的说明、这些文件的清单，以及您的报告和每个文件到达 Haven 的时间——绝不包含您的联系方式。
consent-sees-police = 他们能看到什么：警方和国家安全机构（例如加拿大皇家骑警国家安全信息网络）会收到一个只有他们才能打开的加密文件，内含您的报告、个案工作人员选定的文件、个案工作人员撰写的说明、这些文件的清单，以及您的报告和每个文件到达 Haven 的时间（精确到小时）。其中绝不包含您的联系方式。是否发送由个案工作人员决定；任何内容都不会自动发送。
consent-sees-stats = 他们能看到什么：只有数字——按事件类型、社群、省份和月份统计的报告数量——供 Haven 工作人员查看并用于倡导工作。绝不包含您写的内容、您的联系方式或您的文件，并且小于 5 的数字一律不显示。
field-retention = { $days ->
   *[other] 案件结案后，Haven 会将报告保存 { $days } 天，然后连同其消息和文件永久删除。您可以在跟进页面要求提前删除。
}
consent-referral = 转介给合作团体和其他能提供帮助的人
consent-police = 提供给警方和国家安全机构
consent-stats = 匿名统计
case-consent-given-online = 由报告人在跟进页面给予，{ $when }
timeline-consent-given = 报告人同意了：
timeline-consent-withdrawn = 报告人撤回了同意：
timeline-referral-withdrawn = 报告人在对方答复前撤回了转介：
referral-status-withdrawn = 已被报告人撤回
referral-withdrawn-explain = 提交此报告的人在贵团体答复之前撤回了对转介的同意。Haven 不再向贵团体显示此案件的任何内容，您无需再做任何事。
referral-error-withdrawn = 报告人在此转介得到答复之前已将其撤回：它不能再被接受、拒绝或更新。
mail-referral-withdrawn-subject = Haven 中一项给 { $group } 的转介已被撤回
mail-referral-withdrawn-body = 一项给 { $group } 且尚未答复的转介已被撤回：提交报告的人不再同意转介。Haven 不再向您显示这项转介，您无需再做任何事。
mail-referral-withdrawn-link = 登录查看您的转介
follow-up-shared-title = 已分享给
follow-up-shared-explain = Haven 以外有谁收到了关于您案件的内容，以及各自的进展。任何持有您的编号和凭据的人也能看到这些信息。
follow-up-shared-none = 您的案件尚未分享给 Haven 以外的任何人。
follow-up-shared-pending = { $group }：转介正在等待对方答复
follow-up-shared-accepted = { $group }：已接受您的案件
follow-up-shared-declined = { $group }：无法承接您的案件
follow-up-shared-withdrawn = { $group }：应您的要求，在对方答复前已撤回
follow-up-shared-on = 分享于 { $date }
follow-up-consents-title = 您允许我们做什么
follow-up-consents-explain = 每一项同意都保持您提交报告时的选择，或您之后在这里更改后的状态。您可以随时给予或撤回每一项；更改会立即生效。
follow-up-consent-given = 您已同意此项。
follow-up-consent-not-given = 您尚未同意此项。
follow-up-consent-changed-given = 于 { $date } 在本页面给予。
follow-up-consent-changed-withdrawn = 于 { $date } 在本页面撤回。
follow-up-consent-changed-several = 于 { $date } 在本页面多次更改。
follow-up-consent-referral-withdraw-note = 如果您撤回此项同意，Haven 将不会把您的案件转介给任何人。尚未被任何团体接受的转介会立即撤回，这些团体只会得知有一项转介被撤回——不会得知任何关于您或您报告的内容。已经接受的团体会保留其收到的摘要：如需请他们停止，请在本页面的“消息”中写信给您的个案工作人员。
follow-up-consent-withdraw-referral = 撤回我对转介的同意
follow-up-consent-withdraw-police = 撤回我对提供给警方的同意
follow-up-consent-withdraw-stats = 撤回我对纳入统计的同意
follow-up-consent-give-referral = 同意转介
follow-up-consent-give-police = 同意提供给警方
follow-up-consent-give-stats = 同意纳入统计
follow-up-done-referral-given = 您已同意转介。个案工作人员现在可以把您的案件转介给合作社区团体或其他能提供帮助的人；每一项转介都会列在本页面的“已分享给”下。
follow-up-done-referral-withdrawn = 您已撤回对转介的同意。从现在起，Haven 不会把您的案件转介给任何人。
follow-up-done-referral-withdrawn-pending = 尚未得到任何团体答复的转介已被撤回（见“已分享给”）。这些团体只得知有一项转介被撤回——没有任何关于您或您报告的内容。
follow-up-done-referral-withdrawn-accepted = 已经接受您案件的团体会保留其收到的摘要。如需请他们停止，请在本页面的“消息”中写信给您的个案工作人员。
follow-up-done-police-given = 您已同意提供给警方和国家安全机构。是否提供您的报告由个案工作人员决定；任何内容都不会自动发送。
follow-up-done-police-withdrawn = 您已撤回对提供给警方和国家安全机构的同意。从现在起，Haven 不会把您的报告提供给他们。
follow-up-done-stats-given = 您的报告现在已纳入 Haven 的匿名统计。
follow-up-done-stats-withdrawn = 您的报告已不再纳入 Haven 的匿名统计。
follow-up-consent-already-given = 您之前已给予此项同意，因此没有任何更改。
follow-up-consent-already-withdrawn = 您之前没有给予此项同意，因此没有可撤回的内容，也没有任何更改。
follow-up-error-consent = 无法理解这项更改，因此没有任何更改。请使用“您允许我们做什么”下方的按钮。
follow-up-shared-packet = { $group }：收到了您报告的加密副本，只有对方能打开，其中不含您的联系方式
follow-up-shared-notice = { $group }：已获告知您的案件与其分享，但不含任何案件内容
