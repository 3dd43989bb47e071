<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Outreach Desk</source>
        <translation>关于反诈工作台</translation>
    </message>
    <message>
        <source>Anti-fraud outreach talks and warning dissuasion, offline on one laptop. It uses the components below; choose one to read its licence.</source>
        <translation>反诈宣传与预警劝阻，一台电脑离线使用。本程序使用了下列组件，选中一项即可查看其许可证。</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Runs on</source>
        <translation>运行环境</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>{name}: {use}</source>
        <translation>{name}：{use}</translation>
    </message>
    <message>
        <source>{name} is used under the {licence} licence.</source>
        <translation>{name} 按 {licence} 许可证使用。</translation>
    </message>
    <message>
        <source>the screens, and printed headings and tables (Hei)</source>
        <translation>屏幕显示，以及打印件的标题和表格（黑体）</translation>
    </message>
    <message>
        <source>printed body text (Song, also for FangSong)</source>
        <translation>打印件正文（宋体，兼作仿宋）</translation>
    </message>
    <message>
        <source>printed subheadings (Kai)</source>
        <translation>打印件小标题（楷体）</translation>
    </message>
    <message>
        <source>rare characters of names the other fonts lack</source>
        <translation>其他字体缺少的人名生僻字</translation>
    </message>
</context>
<context>
    <name>AreaDialog</name>
    <message>
        <source>Edit area</source>
        <translation>编辑辖区</translation>
    </message>
    <message>
        <source>New area</source>
        <translation>新增辖区</translation>
    </message>
    <message>
        <source>administrative code, optional</source>
        <translation>行政区划代码，选填</translation>
    </message>
</context>
<context>
    <name>AreaPicker</name>
    <message>
        <source>{path} (retired)</source>
        <translation>{path}（已停用）</translation>
    </message>
</context>
<context>
    <name>AreaTreeTab</name>
    <message>
        <source>No jurisdiction yet. Import the list of counties, townships and communities you are responsible for, add them one by one, or open the demo database to look around first.</source>
        <translation>还没有辖区。请导入您负责的县（区）、乡镇（街道）和村（社区）名单，或逐个添加；也可以先打开演示数据库看看。</translation>
    </message>
    <message>
        <source>Import jurisdiction list…</source>
        <translation>导入辖区名单…</translation>
    </message>
    <message>
        <source>Add a county</source>
        <translation>添加县（区）</translation>
    </message>
    <message>
        <source>Open demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <source>Add county</source>
        <translation>添加县（区）</translation>
    </message>
    <message>
        <source>Add below</source>
        <translation>添加下级</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message>
        <source>Areas directly below</source>
        <translation>直属下级</translation>
    </message>
    <message>
        <source>Officers (incl. areas below)</source>
        <translation>人员（含下级）</translation>
    </message>
    <message>
        <source>Partners (incl. areas below)</source>
        <translation>合作单位（含下级）</translation>
    </message>
    <message>
        <source>Residents (incl. areas below)</source>
        <translation>登记居民（含下级）</translation>
    </message>
    <message>
        <source>Outreach talks (incl. areas below)</source>
        <translation>宣传活动（含下级）</translation>
    </message>
    <message>
        <source>Retired on {date}</source>
        <translation>已于 {date} 停用</translation>
    </message>
    <message>
        <source>Retire area</source>
        <translation>停用辖区</translation>
    </message>
    <message>
        <source>Retire {name}? It leaves the lists, but its history stays and it can be restored.</source>
        <translation>确定停用“{name}”？停用后将不再显示在列表中，但历史记录会保留，之后可以恢复。</translation>
    </message>
    <message>
        <source>Restore area</source>
        <translation>恢复辖区</translation>
    </message>
</context>
<context>
    <name>AreasPage</name>
    <message>
        <source>Jurisdiction</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作单位</translation>
    </message>
</context>
<context>
    <name>AttemptDialog</name>
    <message>
        <source>Log an attempt that happened</source>
        <translation>补记已进行的联系</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>the end of the log noted beside the database ({when})</source>
        <translation>数据库旁记录的日志末尾（{when}）</translation>
    </message>
    <message>
        <source>the backup of {when} ({name})</source>
        <translation>{when} 的备份（{name}）</translation>
    </message>
    <message>
        <source>the package sent to the county on {when}</source>
        <translation>{when} 发往县局的数据包</translation>
    </message>
    <message>
        <source>the package sent to {destination} on {when}</source>
        <translation>{when} 发往{destination}的数据包</translation>
    </message>
    <message>
        <source>The audit log&apos;s guards against change were removed: the file was opened with another tool to change the log.</source>
        <translation>审计日志防篡改的保护已被删除：有人用其他工具打开了文件，以便修改日志。</translation>
    </message>
    <message>
        <source>The audit log is shorter than {anchor} records: it reached entry {seq} then, it ends at entry {last} now.</source>
        <translation>审计日志比{anchor}记录的短：当时记到第 {seq} 条，现在只到第 {last} 条。</translation>
    </message>
    <message>
        <source>The audit log lost entries: entry {seq}, which {anchor} records, is gone.</source>
        <translation>审计日志少了条目：{anchor}记录的第 {seq} 条已不存在。</translation>
    </message>
    <message>
        <source>The audit log was rewritten: entry {seq} is not the one {anchor} records.</source>
        <translation>审计日志被改写过：第 {seq} 条与{anchor}记录的不一致。</translation>
    </message>
    <message>
        <source>The audit log of laptop {laptop} is shorter than its package of {then} showed: {before} entries (to entry {seq}) then, {now} entries (to entry {last}) in the package of {when}.</source>
        <translation>笔记本 {laptop} 的审计日志比它 {then} 的数据包显示的短：当时有 {before} 条（记到第 {seq} 条），{when} 的数据包只有 {now} 条（记到第 {last} 条）。</translation>
    </message>
    <message>
        <source>The audit log of laptop {laptop} was rewritten: entry {seq} is not the one its package of {then} showed (found in the package of {when}).</source>
        <translation>笔记本 {laptop} 的审计日志被改写过：第 {seq} 条与它 {then} 的数据包显示的不一致（在 {when} 的数据包中发现）。</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>officer, table, record or words</source>
        <translation>人员、数据表、记录ID或关键词</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>校验日志链</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>{count} entries (the newest {shown} shown)</source>
        <translation>共 {count} 条（显示最近 {shown} 条）</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Every link of the chain holds, but:</source>
        <translation>日志链的每一环都完好，但是：</translation>
    </message>
    <message>
        <source>The chain holds: no entry was changed or removed outside the program.</source>
        <translation>日志链完好：没有条目在程序之外被修改或删除。</translation>
    </message>
    <message>
        <source>The chain is broken at entry {seq}: the log was changed there.</source>
        <translation>日志链在第 {seq} 条断开：日志在此处被改动过。</translation>
    </message>
    <message>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exported {count} entries to {path}</source>
        <translation>已导出 {count} 条到 {path}</translation>
    </message>
</context>
<context>
    <name>BriefingPreview</name>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Opening paragraph</source>
        <translation>开头段</translation>
    </message>
    <message>
        <source>Compose again</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Write the text afresh from the figures; the issue keeps its number</source>
        <translation>按统计数据重新生成正文，期号不变</translation>
    </message>
    <message>
        <source>Save text</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <source>Each line is a paragraph (blank lines are left out); a paragraph may begin with its lead, such as （一）强化宣传。 Printing saves the text with the issue&apos;s number.</source>
        <translation>每行为一段（空行不计）；段首可写小标题，如“（一）强化宣传。”。打印或另存为 PDF 时，正文随期号一并保存。</translation>
    </message>
    <message>
        <source>Nothing printed in this section</source>
        <translation>本部分不印内容</translation>
    </message>
    <message>
        <source>{name}, {year} No. {number}</source>
        <translation>{name} {year}年第{number}期</translation>
    </message>
    <message>
        <source>(no issuing unit: see Settings)</source>
        <translation>（未设置编发单位，请在“设置”中填写）</translation>
    </message>
    <message>
        <source>not saved yet: the number is kept once printed or saved</source>
        <translation>尚未保存：打印或保存后即占用此期号</translation>
    </message>
    <message>
        <source>edited, not saved</source>
        <translation>已修改，尚未保存</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Building the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <source>The text was not saved: {reason}</source>
        <translation>正文未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>CampaignsDialog</name>
    <message>
        <source>Campaign counts</source>
        <translation>宣传投放登记</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Remove the chosen entry</source>
        <translation>删除所选登记</translation>
    </message>
    <message>
        <source>Date, kind, count</source>
        <translation>日期、类别、数量</translation>
    </message>
</context>
<context>
    <name>CardSellers</name>
    <message>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Yes: opened in our jurisdiction</source>
        <translation>是：在本辖区开户</translation>
    </message>
    <message>
        <source>No: opened elsewhere</source>
        <translation>否：在外地开户</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡种×数量</translation>
    </message>
    <message>
        <source>Bank or operator · outlet</source>
        <translation>开户行/运营商·网点</translation>
    </message>
    <message>
        <source>How</source>
        <translation>涉卡方式</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Listed on</source>
        <translation>列管日期</translation>
    </message>
    <message>
        <source>Last interview</source>
        <translation>最近约谈</translation>
    </message>
    <message>
        <source>{kind} × {count}</source>
        <translation>{kind}×{count}</translation>
    </message>
</context>
<context>
    <name>CardSellersPage</name>
    <message>
        <source>Not yet ended</source>
        <translation>未办结</translation>
    </message>
    <message>
        <source>Handed over or closed</source>
        <translation>已移交或销账</translation>
    </message>
    <message>
        <source>Whole register</source>
        <translation>全部台账</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>上年</translation>
    </message>
    <message>
        <source>New card seller…</source>
        <translation>新增涉两卡人员…</translation>
    </message>
    <message>
        <source>Print register…</source>
        <translation>打印台账…</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>登记台账</translation>
    </message>
    <message>
        <source>By outlet</source>
        <translation>按开户网点</translation>
    </message>
    <message>
        <source>Every area</source>
        <translation>全部辖区</translation>
    </message>
    <message>
        <source>The register of the area chosen, names masked</source>
        <translation>所选辖区的登记台账，姓名脱敏</translation>
    </message>
    <message>
        <source>Where the cards of the card sellers listed in the period were opened, most cards first: the outlets to talk to. The area is the register&apos;s; outlets in bold are partners on record.</source>
        <translation>本期列管人员的卡在哪些网点开立，按卡数从多到少：警银联动、约谈网点的重点。辖区与台账所选相同；粗体为已登记的合作网点。</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>网点</translation>
    </message>
    <message>
        <source>Persons</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Cards</source>
        <translation>卡数</translation>
    </message>
    <message>
        <source>Opened locally</source>
        <translation>本地开户</translation>
    </message>
    <message>
        <source>Opened elsewhere</source>
        <translation>外地开户</translation>
    </message>
    <message>
        <source>Every card kind</source>
        <translation>全部卡种</translation>
    </message>
    <message>
        <source>Every step</source>
        <translation>全部进度</translation>
    </message>
    <message>
        <source>However it happened</source>
        <translation>全部涉卡方式</translation>
    </message>
    <message>
        <source>Opened anywhere</source>
        <translation>开户地不限</translation>
    </message>
    <message>
        <source>{count} card sellers shown</source>
        <translation>显示涉两卡人员 {count} 名</translation>
    </message>
    <message>
        <source>a partner on record</source>
        <translation>已登记的合作单位</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Show full…</source>
        <translation>显示完整信息…</translation>
    </message>
    <message>
        <source>Shows the full name, mobile, ID number and address; the reason is logged.</source>
        <translation>显示完整的姓名、手机号、身份证号和住址；查看原因将记入日志。</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>补充信息…</translation>
    </message>
    <message>
        <source>Tags…</source>
        <translation>标签…</translation>
    </message>
    <message>
        <source>Note for the next attempt (optional)</source>
        <translation>本次联系的备注（可不填）</translation>
    </message>
    <message>
        <source>Correct the chosen attempt…</source>
        <translation>更正所选记录…</translation>
    </message>
    <message>
        <source>(choose the outcome)</source>
        <translation>（请选择处置结果）</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>处置结果</translation>
    </message>
    <message>
        <source>Money protected</source>
        <translation>挽回/保护资金</translation>
    </message>
    <message>
        <source>Money lost</source>
        <translation>被骗金额</translation>
    </message>
    <message>
        <source>Stop-payment</source>
        <translation>止付</translation>
    </message>
    <message>
        <source>Bank outlet</source>
        <translation>协助银行网点</translation>
    </message>
    <message>
        <source>e.g. 5.2万 or 52000</source>
        <translation>例如：5.2万 或 52000</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已申请止付，金额</translation>
    </message>
    <message>
        <source>gone before the warning</source>
        <translation>预警前已转出</translation>
    </message>
    <message>
        <source>Tick when the money had left before the warning arrived: such a loss does not break the zero-loss streak.</source>
        <translation>资金在收到预警之前已经转出时勾选：这类损失不计入“预警后被骗”，不中断连续零被骗天数。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Close the case</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>打印劝阻告知书…</translation>
    </message>
    <message>
        <source>Print record…</source>
        <translation>打印处置记录…</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>移交…</translation>
    </message>
    <message>
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>What did it find?</source>
        <translation>回访情况</translation>
    </message>
    <message>
        <source>e.g. safe, app installed</source>
        <translation>如：本人安全，已装App</translation>
    </message>
    <message>
        <source>Record follow-up</source>
        <translation>记录回访</translation>
    </message>
    <message>
        <source>Due {day}</source>
        <translation>{day}到期</translation>
    </message>
    <message>
        <source>Follow-up done: {result}</source>
        <translation>已回访：{result}</translation>
    </message>
    <message>
        <source>Choose a warning in the list.</source>
        <translation>请在左侧列表中选择一条预警。</translation>
    </message>
    <message>
        <source>{level} · {source} · received {when}</source>
        <translation>{level} · {source} · 下发于 {when}</translation>
    </message>
    <message>
        <source>Suspected fraud: {fraud}</source>
        <translation>疑似诈骗类型：{fraud}</translation>
    </message>
    <message>
        <source>Handed to {station}</source>
        <translation>已移交：{station}</translation>
    </message>
    <message>
        <source>Closed: {outcome}</source>
        <translation>已结案：{outcome}</translation>
    </message>
    <message>
        <source>Closed despite: {concerns}</source>
        <translation>经确认仍结案：{concerns}</translation>
    </message>
    <message>
        <source>{way}: {result}</source>
        <translation>{way}：{result}</translation>
    </message>
    <message>
        <source>this station</source>
        <translation>本所</translation>
    </message>
    <message>
        <source>Handed over to {target} ({reason})</source>
        <translation>移交给 {target}（{reason}）</translation>
    </message>
</context>
<context>
    <name>Catalogue</name>
    <message>
        <source>Fake customer-service refund</source>
        <translation>冒充电商物流客服</translation>
    </message>
    <message>
        <source>Fake investment and wealth management</source>
        <translation>虚假投资理财</translation>
    </message>
    <message>
        <source>Brushing / order rebates</source>
        <translation>刷单返利</translation>
    </message>
    <message>
        <source>Posing as police or prosecutors</source>
        <translation>冒充公检法</translation>
    </message>
    <message>
        <source>Fake online loans</source>
        <translation>虚假网络贷款</translation>
    </message>
    <message>
        <source>Online dating and investment</source>
        <translation>网络交友诱导投资</translation>
    </message>
    <message>
        <source>Game-account trading</source>
        <translation>网络游戏虚假交易</translation>
    </message>
    <message>
        <source>Fake shopping</source>
        <translation>虚假购物服务</translation>
    </message>
    <message>
        <source>Renting out bank or phone cards</source>
        <translation>出租出借银行卡、电话卡</translation>
    </message>
    <message>
        <source>Posing as a boss or acquaintance</source>
        <translation>冒充领导熟人</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Students</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Parents</source>
        <translation>家长</translation>
    </message>
    <message>
        <source>Enterprise staff</source>
        <translation>企业职工</translation>
    </message>
    <message>
        <source>Bank customers</source>
        <translation>银行客户</translation>
    </message>
    <message>
        <source>Villagers</source>
        <translation>村民</translation>
    </message>
    <message>
        <source>Community residents</source>
        <translation>社区居民</translation>
    </message>
    <message>
        <source>Other audience</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <source>School</source>
        <translation>学校</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>农村</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Bank outlet</source>
        <translation>银行网点</translation>
    </message>
    <message>
        <source>Market</source>
        <translation>集市</translation>
    </message>
    <message>
        <source>Other venue</source>
        <translation>其他场所</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Postponed</source>
        <translation>已延期</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Anti-fraud centre</source>
        <translation>反诈中心平台</translation>
    </message>
    <message>
        <source>96110 hotline</source>
        <translation>96110</translation>
    </message>
    <message>
        <source>Telecom operator</source>
        <translation>电信运营商</translation>
    </message>
    <message>
        <source>Public report</source>
        <translation>群众举报</translation>
    </message>
    <message>
        <source>New</source>
        <translation>待处置</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处置中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Dissuaded</source>
        <translation>劝阻成功</translation>
    </message>
    <message>
        <source>Defrauded</source>
        <translation>已被骗</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>无法联系</translation>
    </message>
    <message>
        <source>False alarm</source>
        <translation>非诈骗/误报</translation>
    </message>
    <message>
        <source>Refused to cooperate</source>
        <translation>拒不配合</translation>
    </message>
    <message>
        <source>Denies it – needs recheck</source>
        <translation>否认被骗，需复核</translation>
    </message>
    <message>
        <source>Dissuaded, but no contact with the resident is on record</source>
        <translation>劝阻成功，但没有任何联系记录</translation>
    </message>
    <message>
        <source>Dissuaded, but no attempt on record reached the resident or family</source>
        <translation>劝阻成功，但记录的联系均未联系上当事人或家属</translation>
    </message>
    <message>
        <source>More money protected than was at risk</source>
        <translation>保护资金超过涉案金额</translation>
    </message>
    <message>
        <source>Defrauded, but no amount lost is entered</source>
        <translation>已被骗，但未填写被骗金额</translation>
    </message>
    <message>
        <source>A high-level warning closed minutes after it arrived</source>
        <translation>高级别预警接报后数分钟内即结案</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>短信</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家属</translation>
    </message>
    <message>
        <source>Village cadre</source>
        <translation>村干部</translation>
    </message>
    <message>
        <source>Bank</source>
        <translation>银行</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>占线</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已接通</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>已见面</translation>
    </message>
    <message>
        <source>Not at home</source>
        <translation>不在家</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Contacted</source>
        <translation>已联系</translation>
    </message>
    <message>
        <source>County / district</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <source>Township / subdistrict</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <source>Community / village</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Auxiliary officer</source>
        <translation>辅警</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>Warning text messages</source>
        <translation>预警短信</translation>
    </message>
    <message>
        <source>Warning calls</source>
        <translation>预警电话</translation>
    </message>
    <message>
        <source>Posters</source>
        <translation>宣传海报</translation>
    </message>
    <message>
        <source>WeChat posts</source>
        <translation>微信推送</translation>
    </message>
    <message>
        <source>Northern Myanmar</source>
        <translation>缅北</translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation>柬埔寨</translation>
    </message>
    <message>
        <source>Laos</source>
        <translation>老挝</translation>
    </message>
    <message>
        <source>Philippines</source>
        <translation>菲律宾</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>阿联酋</translation>
    </message>
    <message>
        <source>Left with documents</source>
        <translation>持证出境</translation>
    </message>
    <message>
        <source>Crossed illegally</source>
        <translation>偷渡</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>不详</translation>
    </message>
    <message>
        <source>Sent down from above</source>
        <translation>上级下发</translation>
    </message>
    <message>
        <source>Local screening</source>
        <translation>本地排查</translation>
    </message>
    <message>
        <source>Reported by family</source>
        <translation>家属反映</translation>
    </message>
    <message>
        <source>High fraud risk</source>
        <translation>涉诈高危</translation>
    </message>
    <message>
        <source>Possibly lured to work</source>
        <translation>疑似被骗务工</translation>
    </message>
    <message>
        <source>To verify</source>
        <translation>待核查</translation>
    </message>
    <message>
        <source>Promised to return</source>
        <translation>承诺回国</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>已回国</translation>
    </message>
    <message>
        <source>Reported in for review</source>
        <translation>已报备审查</translation>
    </message>
    <message>
        <source>Under supervision</source>
        <translation>管控中</translation>
    </message>
    <message>
        <source>Closed off</source>
        <translation>销账</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>本人</translation>
    </message>
    <message>
        <source>Home study</source>
        <translation>居家学习</translation>
    </message>
    <message>
        <source>Report before leaving</source>
        <translation>离开报备</translation>
    </message>
    <message>
        <source>Returned and surrendered</source>
        <translation>回国投案</translation>
    </message>
    <message>
        <source>Returned, review finished</source>
        <translation>回国审查完毕</translation>
    </message>
    <message>
        <source>Found never to have left</source>
        <translation>核实未出境</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>已死亡</translation>
    </message>
    <message>
        <source>WeChat call</source>
        <translation>微信通话</translation>
    </message>
    <message>
        <source>Visit to the family</source>
        <translation>走访家属</translation>
    </message>
    <message>
        <source>Agreed to return</source>
        <translation>答应回国</translation>
    </message>
    <message>
        <source>Listed for control</source>
        <translation>列管列控</translation>
    </message>
    <message>
        <source>Household services suspended</source>
        <translation>户籍业务暂停</translation>
    </message>
    <message>
        <source>Bank and phone cards suspended</source>
        <translation>两卡功能暂停</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Phone card</source>
        <translation>电话卡</translation>
    </message>
    <message>
        <source>Corporate account</source>
        <translation>对公账户</translation>
    </message>
    <message>
        <source>Payment account</source>
        <translation>支付账户</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>出售</translation>
    </message>
    <message>
        <source>Rented out</source>
        <translation>出租</translation>
    </message>
    <message>
        <source>Lent</source>
        <translation>出借</translation>
    </message>
    <message>
        <source>Tricked into opening it</source>
        <translation>被骗开卡</translation>
    </message>
    <message>
        <source>Upper-level notice</source>
        <translation>上级通报</translation>
    </message>
    <message>
        <source>Local check</source>
        <translation>本地排查</translation>
    </message>
    <message>
        <source>Bank report</source>
        <translation>银行反馈</translation>
    </message>
    <message>
        <source>Operator report</source>
        <translation>运营商反馈</translation>
    </message>
    <message>
        <source>Interviewed (warned)</source>
        <translation>已约谈（训诫）</translation>
    </message>
    <message>
        <source>Pledge signed</source>
        <translation>已签承诺书</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>已惩戒</translation>
    </message>
    <message>
        <source>Handed over for prosecution</source>
        <translation>移交打击</translation>
    </message>
    <message>
        <source>Interview at the station</source>
        <translation>到所约谈</translation>
    </message>
    <message>
        <source>Interview at home</source>
        <translation>上门约谈</translation>
    </message>
    <message>
        <source>Interview by phone</source>
        <translation>电话约谈</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>已训诫</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>未到场</translation>
    </message>
    <message>
        <source>Not taking part</source>
        <translation>未参与</translation>
    </message>
    <message>
        <source>Creating</source>
        <translation>创建中</translation>
    </message>
    <message>
        <source>Criteria met</source>
        <translation>达标</translation>
    </message>
    <message>
        <source>Plaque awarded</source>
        <translation>已授牌</translation>
    </message>
    <message>
        <source>Plaque withdrawn</source>
        <translation>摘牌</translation>
    </message>
    <message>
        <source>Computed from records</source>
        <translation>系统计算</translation>
    </message>
    <message>
        <source>Entered with evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>No resident defrauded after a warning</source>
        <translation>无预警后被骗</translation>
    </message>
    <message>
        <source>No open card-seller record</source>
        <translation>无在册涉“两卡”人员</translation>
    </message>
    <message>
        <source>No open record of a person abroad</source>
        <translation>无在册滞留境外人员</translation>
    </message>
    <message>
        <source>A talk held there</source>
        <translation>开展宣传活动</translation>
    </message>
    <message>
        <source>Households visited</source>
        <translation>入户走访率</translation>
    </message>
    <message>
        <source>App installation</source>
        <translation>反诈App安装率</translation>
    </message>
    <message>
        <source>Warnings handled within their limits</source>
        <translation>预警按时处置率</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>回访完成率</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年度</translation>
    </message>
    <message>
        <source>The last twelve months</source>
        <translation>近12个月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>Areas</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Officers</source>
        <translation>民警辅警</translation>
    </message>
    <message>
        <source>Partners</source>
        <translation>合作单位</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>Officers at talks</source>
        <translation>活动参与民警</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Persons abroad</source>
        <translation>劝返人员</translation>
    </message>
    <message>
        <source>Return contacts</source>
        <translation>劝返联系记录</translation>
    </message>
    <message>
        <source>Card sellers</source>
        <translation>涉“两卡”人员</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>约谈记录</translation>
    </message>
    <message>
        <source>Door-to-door visits</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <source>Fraud-free evidence</source>
        <translation>无诈社区佐证</translation>
    </message>
    <message>
        <source>Fraud-free status</source>
        <translation>无诈社区创建状态</translation>
    </message>
    <message>
        <source>Residents</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警</translation>
    </message>
    <message>
        <source>Contact attempts</source>
        <translation>劝阻记录</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Hand-overs</source>
        <translation>移交</translation>
    </message>
    <message>
        <source>Campaign counts</source>
        <translation>批量宣传</translation>
    </message>
</context>
<context>
    <name>ClashDialog</name>
    <message>
        <source>an officer</source>
        <translation>某位人员</translation>
    </message>
    <message>
        <source>same officer: {names}</source>
        <translation>同一民警：{names}</translation>
    </message>
    <message>
        <source>same venue: {venue}</source>
        <translation>同一地点：{venue}</translation>
    </message>
    <message>
        <source>{day} {start}–{end} «{title}» — {reasons}</source>
        <translation>{day} {start}—{end}《{title}》——{reasons}</translation>
    </message>
    <message>
        <source>This talk clashes with others</source>
        <translation>与其他活动时间冲突</translation>
    </message>
    <message>
        <source>At the same time there are other talks with the same officer or at the same venue. Save anyway, or go back and change the time, venue or officers?</source>
        <translation>同一时间有其他活动使用同一民警或同一地点。仍要保存，还是返回修改时间、地点或人员？</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <source>Go back and change</source>
        <translation>返回修改</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>database file (default: OUTREACH_DESK_DB or the data folder)</source>
        <translation>数据库文件（默认：OUTREACH_DESK_DB 指定的文件，或数据文件夹中的数据库）</translation>
    </message>
    <message>
        <source>language of the program and its messages</source>
        <translation>程序界面和提示信息的语言</translation>
    </message>
    <message>
        <source>Outreach Desk: anti-fraud outreach talks and warning dissuasion. Without a command the program window opens.</source>
        <translation>反诈工作台：反诈宣传与预警劝阻。不带命令运行时打开程序窗口。</translation>
    </message>
    <message>
        <source>show the version and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>open the demo database (made on first use)</source>
        <translation>打开演示数据库（首次使用时自动生成）</translation>
    </message>
    <message>
        <source>commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>the database file&apos;s name is empty</source>
        <translation>数据库文件名为空</translation>
    </message>
    <message>
        <source>no file can have this name: {reason}</source>
        <translation>没有文件能用这个名字：{reason}</translation>
    </message>
    <message>
        <source>fill an empty database with demo data</source>
        <translation>向空数据库写入演示数据</translation>
    </message>
    <message>
        <source>the same seed always makes the same data</source>
        <translation>相同的种子总是生成相同的数据</translation>
    </message>
    <message>
        <source>small: one city for a year; large: 1,000,000 warnings</source>
        <translation>small：一个城市一年的数据；large：100 万条预警</translation>
    </message>
    <message>
        <source>replace the records of a database that is not empty</source>
        <translation>覆盖非空数据库中的已有记录</translation>
    </message>
    <message>
        <source>all or nothing: any bad row stops the import (default)</source>
        <translation>要么全部导入，要么不导入：有任何错误行即不导入（默认）</translation>
    </message>
    <message>
        <source>import the good rows and report the bad ones</source>
        <translation>导入正确的行，并列出错误行</translation>
    </message>
    <message>
        <source>make a printout as a PDF file</source>
        <translation>生成打印文档（PDF 文件）</translation>
    </message>
    <message>
        <source>the talk&apos;s day (2026-11-01), when it is named by a title</source>
        <translation>按标题指定宣传活动时，活动的日期（如 2026-11-01）</translation>
    </message>
    <message>
        <source>write it as a Word document (.docx) to edit, not as a PDF</source>
        <translation>生成可编辑的 Word 文档（.docx），而非 PDF</translation>
    </message>
    <message>
        <source>the talk&apos;s id, or its title (with --date when it has been used twice)</source>
        <translation>宣传活动的记录ID，或其标题（同一标题用过不止一次时加 --date）</translation>
    </message>
    <message>
        <source>the warning&apos;s id or its reference number (预警编号, YJ2026000102)</source>
        <translation>预警的记录ID或预警编号（如 YJ2026000102）</translation>
    </message>
    <message>
        <source>the paper, landscape: a4 or a3 (default a4)</source>
        <translation>纸张（横向）：a4 或 a3（默认 a4）</translation>
    </message>
    <message>
        <source>the sign-in sheet of a talk</source>
        <translation>某场活动的签到表</translation>
    </message>
    <message>
        <source>blank rows to print ({low} to {high}; default: the talk&apos;s expected attendance, in whole pages)</source>
        <translation>空白行数（{low}至{high}；默认按活动预计人数，印满整页）</translation>
    </message>
    <message>
        <source>a handout for a talk or for chosen fraud types</source>
        <translation>按活动或指定诈骗类型生成宣传单</translation>
    </message>
    <message>
        <source>the talk&apos;s id or its title</source>
        <translation>宣传活动的编号或标题</translation>
    </message>
    <message>
        <source>fraud types, e.g. customer_service,investment</source>
        <translation>诈骗类型，例如 customer_service,investment</translation>
    </message>
    <message>
        <source>the dissuasion notice of a warning, in two copies; it names the resident in full (logged as a reveal), the rest masked</source>
        <translation>预警的劝阻告知书（一式两联）；写明当事人全名（记为查看完整信息），其余脱敏</translation>
    </message>
    <message>
        <source>the work briefing of a period</source>
        <translation>一段时间的工作简报</translation>
    </message>
    <message>
        <source>the record of a card seller&apos;s interview (约谈训诫笔录) for the resident to sign; it names the resident in full (logged as a reveal), the rest masked</source>
        <translation>涉“两卡”人员约谈训诫笔录，供当事人签名；完整显示当事人姓名（记入审计日志），其余脱敏</translation>
    </message>
    <message>
        <source>the pledge (承诺书) a card seller signs, in two copies; it names the resident in full (logged as a reveal), the rest masked</source>
        <translation>涉“两卡”人员签署的承诺书，一式两联；完整显示当事人姓名（记入审计日志），其余脱敏</translation>
    </message>
    <message>
        <source>the register of card sellers (涉两卡人员登记台账) of an area</source>
        <translation>某辖区的涉“两卡”人员登记台账</translation>
    </message>
    <message>
        <source>listed from this day (2026-11-01)</source>
        <translation>列管日期自该日起（如 2026-11-01）</translation>
    </message>
    <message>
        <source>listed up to this day, included</source>
        <translation>列管日期截至该日（含当日）</translation>
    </message>
    <message>
        <source>only this status, or open (not handed over or closed), ended, all (the default)</source>
        <translation>只列该状态的人员，或 open（在管：未移交、未销账）、ended（已移交或销账）、all（全部，默认）</translation>
    </message>
    <message>
        <source>the ledger of the persons abroad of an area (劝返工作台账), names masked</source>
        <translation>某地区的劝返工作台账（滞留境外人员），姓名脱敏</translation>
    </message>
    <message>
        <source>the notice to the family of a person abroad (劝返告知书); it names the person in full (logged as a reveal), the ID number masked</source>
        <translation>致滞留境外人员家属的劝返告知书；写明当事人全名（记为查看完整信息），身份证号脱敏</translation>
    </message>
    <message>
        <source>the board of persons abroad (劝返挂图): counts by area and status</source>
        <translation>劝返挂图：按地区和状态统计人数</translation>
    </message>
    <message>
        <source>the blank tally sheet of a door-to-door round (入户走访登记表), for a community or any</source>
        <translation>入户走访空白登记表（入户走访登记表），可指定村（社区）或不指定</translation>
    </message>
    <message>
        <source>the board of fraud-free community creation (无诈社区创建挂图): communities by criteria</source>
        <translation>无诈社区创建挂图：各村（社区）逐项创建标准</translation>
    </message>
    <message>
        <source>the trend of fraud-free communities (无诈社区创建趋势): the figures month by month over twelve months, with their chart</source>
        <translation>无诈社区创建趋势：近十二个月逐月指标及趋势图</translation>
    </message>
    <message>
        <source>the twelve months to the month of this day (default today)</source>
        <translation>统计截至该日所在月的十二个月（默认今天）</translation>
    </message>
    <message>
        <source>the assessment sheet (创建验收表) of a community, or of each community of an area: every criterion, its value and its evidence</source>
        <translation>村（社区）的无诈社区创建验收表，或某地区每个村（社区）各一份：逐项标准、测量结果和佐证材料</translation>
    </message>
    <message>
        <source>print personal data in full (written to the audit log)</source>
        <translation>完整打印个人信息（记入审计日志）</translation>
    </message>
    <message>
        <source>export talks as a calendar (ics), or the figures and lists as Excel (xlsx)</source>
        <translation>导出宣传活动日历（ics），或导出指标和明细表（Excel，xlsx）</translation>
    </message>
    <message>
        <source>print every figure of a period (this year by default)</source>
        <translation>列出一段时间的全部指标（默认今年）</translation>
    </message>
    <message>
        <source>as JSON, keys stable</source>
        <translation>以 JSON 输出，键名固定</translation>
    </message>
    <message>
        <source>an area&apos;s name or code (default: everything)</source>
        <translation>地区名称或代码（默认全部）</translation>
    </message>
    <message>
        <source>the figure the ranking uses (a key of stats --json)</source>
        <translation>排名所用指标（stats --json 中的键名）</translation>
    </message>
    <message>
        <source>the record of a warning with its contact timeline</source>
        <translation>某条预警的处置记录（含接触经过）</translation>
    </message>
    <message>
        <source>import a list from a spreadsheet (.xlsx, .xls, .xlsb, .ods) or .csv</source>
        <translation>从电子表格（.xlsx、.xls、.xlsb、.ods）或 .csv 文件导入名单</translation>
    </message>
    <message>
        <source>what the list holds: areas, officers, talks, warnings, return_cases (persons abroad), card_sellers, visits (door-to-door visits) or households (of communities)</source>
        <translation>名单类型：areas（辖区）、officers（人员）、talks（宣传活动）、warnings（预警）、return_cases（劝返人员）、card_sellers（涉“两卡”人员）、visits（入户走访）或 households（村（社区）户数）</translation>
    </message>
    <message>
        <source>the spreadsheet or .csv file</source>
        <translation>电子表格或 .csv 文件</translation>
    </message>
    <message>
        <source>a blank visit-record form</source>
        <translation>空白的上门劝阻记录表</translation>
    </message>
    <message>
        <source>the talks of a period, for the notice board</source>
        <translation>一段时间内的活动安排表，供张贴公示</translation>
    </message>
    <message>
        <source>why the full data is needed (required with --full)</source>
        <translation>需要完整信息的原因（使用 --full 时必填）</translation>
    </message>
    <message>
        <source>only the records of that station&apos;s laptops (county)</source>
        <translation>只统计该派出所各笔记本的记录（县局用）</translation>
    </message>
    <message>
        <source>only the records of one laptop (see package laptops)</source>
        <translation>只统计一台笔记本的记录（编号见 package laptops）</translation>
    </message>
    <message>
        <source>the first day (2026-11-01)</source>
        <translation>开始日期（如 2026-11-01）</translation>
    </message>
    <message>
        <source>the last day, included</source>
        <translation>结束日期（含当天）</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>check the database file for damage</source>
        <translation>检查数据库文件是否损坏</translation>
    </message>
    <message>
        <source>instead, check this installation: a temporary database, a PDF with the embedded font and the window, offscreen (your data is not touched)</source>
        <translation>改为检查本程序的安装：临时数据库、嵌入字体的 PDF 和主窗口（不显示，不动您的数据）</translation>
    </message>
    <message>
        <source>back the database up now (checked, then kept)</source>
        <translation>立即备份数据库（先检查，再保存）</translation>
    </message>
    <message>
        <source>the backup folder (default: as in Settings)</source>
        <translation>备份文件夹（默认按设置）</translation>
    </message>
    <message>
        <source>replace the database with a backup</source>
        <translation>用备份替换当前数据库</translation>
    </message>
    <message>
        <source>the backup file (default: the newest good one)</source>
        <translation>备份文件（默认最近一次完好的备份）</translation>
    </message>
    <message>
        <source>where to look for backups (default: as in Settings)</source>
        <translation>在哪个文件夹查找备份（默认按设置）</translation>
    </message>
    <message>
        <source>exchange packages between laptops and the county</source>
        <translation>在笔记本与县局之间交换数据包</translation>
    </message>
    <message>
        <source>write the records changed since the last package</source>
        <translation>写出自上次发送以来变动的记录</translation>
    </message>
    <message>
        <source>the package file to write (.odpkg)</source>
        <translation>要写出的数据包文件（.odpkg）</translation>
    </message>
    <message>
        <source>where it goes (default: county)</source>
        <translation>发往何处（默认：county，县局）</translation>
    </message>
    <message>
        <source>every record, not only the changed ones</source>
        <translation>全部记录，而不只是变动的</translation>
    </message>
    <message>
        <source>merge a package from another laptop</source>
        <translation>合并来自另一台笔记本的数据包</translation>
    </message>
    <message>
        <source>only show what would be added, changed and deleted</source>
        <translation>只显示将新增、修改和删除的内容</translation>
    </message>
    <message>
        <source>show, set or make the county&apos;s exchange key</source>
        <translation>查看、设置或生成县局的交换密钥</translation>
    </message>
    <message>
        <source>keep the key the county gave</source>
        <translation>保存县局给的密钥</translation>
    </message>
    <message>
        <source>make a new key (the county does this once)</source>
        <translation>生成新密钥（由县局生成一次）</translation>
    </message>
    <message>
        <source>list the laptops packages came from, and when</source>
        <translation>列出数据包来自哪些笔记本及时间</translation>
    </message>
    <message>
        <source>list the residents whose data a laptop held</source>
        <translation>列出某台笔记本上存有其资料的群众</translation>
    </message>
    <message>
        <source>save a view of the program as a PNG picture</source>
        <translation>将程序界面保存为 PNG 图片</translation>
    </message>
    <message>
        <source>where to save the picture</source>
        <translation>图片保存位置</translation>
    </message>
    <message>
        <source>window size in pixels</source>
        <translation>窗口尺寸（像素）</translation>
    </message>
    <message>
        <source>the package the merge view previews</source>
        <translation>合并预览界面所用的数据包</translation>
    </message>
    <message>
        <source>Opened read-only: {path} (its folder or disk cannot be written). Printouts and exports made from it are not written to its audit log.</source>
        <translation>只读打开：{path}（所在文件夹或磁盘不能写入）。由此打印或导出的内容不会记入其审计日志。</translation>
    </message>
    <message>
        <source>The database {path} is damaged. It was moved aside unchanged: {where}</source>
        <translation>数据库 {path} 已损坏，已原样移到一旁：{where}</translation>
    </message>
    <message>
        <source>The database {path} is damaged and could not be moved aside ({reason}); it was left unchanged where it is.</source>
        <translation>数据库 {path} 已损坏，但无法移到一旁（{reason}），已原样留在原处。</translation>
    </message>
    <message>
        <source>The newest good backup is {backup}. Put it in place with: outreach-desk --db {path} restore (what was entered after it will have to be entered again).</source>
        <translation>最新的完好备份是 {backup}。可用以下命令恢复：outreach-desk --db {path} restore（此备份之后录入的内容需要重新录入）。</translation>
    </message>
    <message>
        <source>No good backup was found in {folder}; ask your county&apos;s technician for help with the damaged file.</source>
        <translation>在 {folder} 中没有找到完好的备份，请联系县局技术人员处理损坏的文件。</translation>
    </message>
    <message>
        <source>The database {path} is damaged, and it is open in Outreach Desk: close the program and start it again; it will move the file aside and offer the newest good backup.</source>
        <translation>数据库 {path} 已损坏，且正在反诈工作台中打开：请关闭程序后重新启动，程序会把该文件移到一旁并提供最新的完好备份。</translation>
    </message>
    <message>
        <source>Password: </source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Demo data written to {path}: {areas} areas, {officers} officers, {talks} talks, {warnings} warnings, {contacts} contact attempts ({seconds:.1f} s).</source>
        <translation>演示数据已写入 {path}：辖区 {areas} 个，人员 {officers} 名，宣传活动 {talks} 场，预警 {warnings} 条，接触记录 {contacts} 条（用时 {seconds:.1f} 秒）。</translation>
    </message>
    <message>
        <source>row {row}, column {column}: {reason}</source>
        <translation>第 {row} 行“{column}”列：{reason}</translation>
    </message>
    <message>
        <source>Columns ignored (not stored): {columns}</source>
        <translation>以下列已忽略（不保存）：{columns}</translation>
    </message>
    <message>
        <source>Nothing was imported: {bad} of {rows} rows have problems. Correct them, or run again with --skip-bad-rows to import the {good} good rows.</source>
        <translation>未导入任何数据：{rows} 行中有 {bad} 行有问题。请改正后重试，或加上 --skip-bad-rows 重新运行，只导入其余 {good} 行正确数据。</translation>
    </message>
    <message>
        <source>Nothing was imported: none of the {rows} rows can be used.</source>
        <translation>未导入任何数据：{rows} 行都无法使用。</translation>
    </message>
    <message>
        <source>The file holds no rows to import.</source>
        <translation>文件中没有可导入的数据行。</translation>
    </message>
    <message>
        <source>Imported {good} of {rows} rows: {created} records created, {updated} updated, {unchanged} already there, {bad} bad rows skipped.</source>
        <translation>已导入 {rows} 行中的 {good} 行：新建 {created} 条，更新 {updated} 条，已存在 {unchanged} 条，跳过错误行 {bad} 行。</translation>
    </message>
    <message>
        <source>No laptop of that station has sent a package.</source>
        <translation>该派出所还没有笔记本发来数据包。</translation>
    </message>
    <message>
        <source>Exported the figures and {count} warnings to {path}</source>
        <translation>已将指标和 {count} 条预警导出到 {path}</translation>
    </message>
    <message>
        <source>Exported {count} talks to {path}</source>
        <translation>已导出 {count} 场活动到 {path}</translation>
    </message>
    <message>
        <source>The database {path} is sound.</source>
        <translation>数据库 {path} 完好。</translation>
    </message>
    <message>
        <source>The database {path} is sound, but the audit log findings above need looking into.</source>
        <translation>数据库 {path} 完好，但上面列出的审计日志问题需要核查。</translation>
    </message>
    <message>
        <source>The database {path} is damaged.</source>
        <translation>数据库 {path} 已损坏。</translation>
    </message>
    <message>
        <source>Self-test failed: {failed} of {total} checks ({seconds:.1f} s).</source>
        <translation>自检未通过：{total} 项中有 {failed} 项失败（用时 {seconds:.1f} 秒）。</translation>
    </message>
    <message>
        <source>Self-test passed: {total} checks ({seconds:.1f} s).</source>
        <translation>自检通过：共 {total} 项（用时 {seconds:.1f} 秒）。</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>The merge view needs --package FILE.odpkg.</source>
        <translation>合并预览界面需要 --package 文件.odpkg。</translation>
    </message>
    <message>
        <source>Give this key to every laptop of the county (package key --set KEY), and set it on the county&apos;s own database too. Keep it like a password.</source>
        <translation>把这个密钥交给全县每台笔记本（package key --set 密钥），县局自己的数据库也要设置。请像密码一样保管。</translation>
    </message>
    <message>
        <source>The exchange key is set.</source>
        <translation>交换密钥已设置。</translation>
    </message>
    <message>
        <source>Wrote {count} records to {path}</source>
        <translation>已将 {count} 条记录写入 {path}</translation>
    </message>
    <message>
        <source>{count} photo files were missing and not included.</source>
        <translation>有 {count} 个照片文件缺失，未包含在内。</translation>
    </message>
    <message>
        <source>Package from {station} ({officer}), made {at}</source>
        <translation>数据包来自 {station}（{officer}），生成于 {at}</translation>
    </message>
    <message>
        <source>Already merged on {at}; nothing to do.</source>
        <translation>已于 {at} 合并过，无需再合并。</translation>
    </message>
    <message>
        <source>Packages from this laptop are missing in between (the last merged ended at change {last}, this one starts after {first}).</source>
        <translation>这台笔记本的数据包中间有缺失（上次合并截至第 {last} 次变动，本包从第 {first} 次之后开始）。</translation>
    </message>
    <message>
        <source>{kind}: {added} added, {changed} changed, {deleted} deleted</source>
        <translation>{kind}：新增 {added}，修改 {changed}，删除 {deleted}</translation>
    </message>
    <message>
        <source>{count} fields were changed on both sides: the later change was kept, the other is listed for a person to decide (Exchange › Conflicts).</source>
        <translation>有 {count} 个字段两边都改过：保留了较晚的修改，另一个值已列出，待人工决定（数据交换 › 待决定的冲突）。</translation>
    </message>
    <message>
        <source>Merged.</source>
        <translation>已合并。</translation>
    </message>
    <message>
        <source>Preview only: nothing was written.</source>
        <translation>仅预览：未写入任何数据。</translation>
    </message>
    <message>
        <source>--full needs --reason.</source>
        <translation>使用 --full 时必须给出 --reason。</translation>
    </message>
    <message>
        <source>No package came from a laptop {device} (see: package laptops).</source>
        <translation>没有收到过笔记本 {device} 的数据包（见：package laptops）。</translation>
    </message>
    <message>
        <source>Close Outreach Desk first: {path} is open.</source>
        <translation>请先关闭反诈工作台：{path} 正在使用中。</translation>
    </message>
    <message>
        <source>the view to show: {views}</source>
        <translation>要截图的界面：{views}</translation>
    </message>
    <message>
        <source>Unknown figure {value} for --rank-by; choose one of: {keys}</source>
        <translation>--rank-by 的指标 {value} 不存在，可选：{keys}</translation>
    </message>
    <message>
        <source>Everything on record</source>
        <translation>全部辖区</translation>
    </message>
    <message>
        <source>{area}, {first} to {last}</source>
        <translation>{area}，{first} 至 {last}</translation>
    </message>
    <message>
        <source>export ics needs --from and --to.</source>
        <translation>导出 ics 需要 --from 和 --to。</translation>
    </message>
    <message>
        <source>The database {path} is sound, but its audit log was changed outside the program at entry {seq}.</source>
        <translation>数据库 {path} 完好，但其审计日志在第 {seq} 条处被程序以外的方式改动过。</translation>
    </message>
    <message>
        <source>No good backup was found in {path}.</source>
        <translation>在 {path} 中没有找到完好的备份。</translation>
    </message>
    <message>
        <source>Restored {backup} to {path}</source>
        <translation>已将 {backup} 恢复到 {path}</translation>
    </message>
    <message>
        <source>The replaced file is kept as {path}</source>
        <translation>被替换的文件保存为 {path}</translation>
    </message>
    <message>
        <source>--size takes WIDTHxHEIGHT in pixels, 200 to 8000 each, e.g. 1366x768.</source>
        <translation>--size 的格式为“宽x高”（像素），各在 200 到 8000 之间，例如 1366x768。</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>list warnings or talks, to find what to print</source>
        <translation>列出预警或宣传活动，便于查找要打印的记录</translation>
    </message>
    <message>
        <source>what to list</source>
        <translation>要列出的内容</translation>
    </message>
    <message>
        <source>only open warnings, or talks not yet held or cancelled</source>
        <translation>只列未结案的预警，或尚未举行且未取消的宣传活动</translation>
    </message>
    <message>
        <source>Nothing on record matches.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>reference number</source>
        <translation>预警编号</translation>
    </message>
    <message>
        <source>received</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>resident</source>
        <translation>当事人</translation>
    </message>
    <message>
        <source>starts</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>venue</source>
        <translation>地点</translation>
    </message>
</context>
<context>
    <name>ClosingQuestions</name>
    <message>
        <source>Before closing the case</source>
        <translation>结案前确认</translation>
    </message>
    <message>
        <source>A supervisor would ask about this case:</source>
        <translation>此案结案前需要说明：</translation>
    </message>
    <message>
        <source>Closing anyway is allowed: these questions are kept with the case and written to the audit log.</source>
        <translation>仍可结案：这些问题会随案件保存，并写入审计日志。</translation>
    </message>
    <message>
        <source>Go back to the case</source>
        <translation>返回案件</translation>
    </message>
    <message>
        <source>Log the contact that happened…</source>
        <translation>补记已进行的联系…</translation>
    </message>
    <message>
        <source>Close anyway</source>
        <translation>仍然结案</translation>
    </message>
    <message>
        <source> ({protected} protected, {at_risk} at risk)</source>
        <translation>（保护 {protected}，涉案 {at_risk}）</translation>
    </message>
    <message>
        <source> ({minutes} min after it arrived)</source>
        <translation>（接报后 {minutes} 分钟）</translation>
    </message>
</context>
<context>
    <name>ColumnMappingDialog</name>
    <message>
        <source>Name the columns</source>
        <translation>指定各列</translation>
    </message>
    <message>
        <source>The header row of this file could not be recognised. Choose the row that holds the column names, then the column for each item (* is required).</source>
        <translation>无法识别此文件的表头行。请选择列名所在的行，再为每一项选择对应的列（* 为必填）。</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>表头行</translation>
    </message>
    <message>
        <source>(not in the file)</source>
        <translation>（文件中没有）</translation>
    </message>
</context>
<context>
    <name>CommunityPanel</name>
    <message>
        <source>Record a status step…</source>
        <translation>记录创建状态…</translation>
    </message>
    <message>
        <source>Keep the plaque…</source>
        <translation>复核后保留牌匾…</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>添加佐证材料…</translation>
    </message>
    <message>
        <source>Set households…</source>
        <translation>设置户数…</translation>
    </message>
    <message>
        <source>Status path</source>
        <translation>创建进程</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>创建标准</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>佐证材料</translation>
    </message>
    <message>
        <source>Door-to-door visits (newest)</source>
        <translation>入户走访（最近）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>State</source>
        <translation>情况</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>测算值</translation>
    </message>
    <message>
        <source>Met?</source>
        <translation>是否达到</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Building / group</source>
        <translation>楼栋/村民小组</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>走访户数</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>在家户数</translation>
    </message>
    <message>
        <source>App</source>
        <translation>已装App</translation>
    </message>
    <message>
        <source>By</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Choose a community on the board.</source>
        <translation>请在进度表中选择一个村（社区）。</translation>
    </message>
    <message>
        <source>Households: {count}</source>
        <translation>总户数：{count}</translation>
    </message>
    <message>
        <source>Households: not set (visit coverage cannot be computed)</source>
        <translation>总户数：未设置（无法计算走访覆盖率）</translation>
    </message>
    <message>
        <source>met</source>
        <translation>达到</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>未达到</translation>
    </message>
    <message>
        <source>not yet known</source>
        <translation>尚不确定</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>by {who}</source>
        <translation>授牌单位：{who}</translation>
    </message>
    <message>
        <source>{status} (correction)</source>
        <translation>{status}（更正）</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts to decide</source>
        <translation>待决定的冲突</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留的值</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>另一个值</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>Keep the kept value</source>
        <translation>保留现有值</translation>
    </message>
    <message>
        <source>Take the other value</source>
        <translation>改用另一个值</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) to decide.</source>
        <translation>
            <numerusform>有 %n 个冲突待决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>No conflicts: every merged change fitted.</source>
        <translation>没有冲突：合并的修改都已妥当并入。</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>Correct the attempt</source>
        <translation>更正联系记录</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Correct the contact</source>
        <translation>更正联系记录</translation>
    </message>
    <message>
        <source>Log a contact</source>
        <translation>登记联系</translation>
    </message>
    <message>
        <source>With</source>
        <translation>联系对象</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CopyDialog</name>
    <message>
        <source>Copy the talk to another date</source>
        <translation>复制活动到其他日期</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>New date</source>
        <translation>新日期</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong inside the program. Your saved records are safe. Please send the details below to whoever maintains the program.</source>
        <translation>程序内部出错。已保存的记录不受影响。请将下方的详细信息发给程序维护人员。</translation>
    </message>
</context>
<context>
    <name>CriteriaDialog</name>
    <message>
        <source>Criteria of fraud-free communities</source>
        <translation>无诈社区创建标准</translation>
    </message>
    <message>
        <source>(entered with evidence)</source>
        <translation>（以佐证材料认定）</translation>
    </message>
    <message>
        <source>percent, 0 to 100</source>
        <translation>百分比，0 至 100</translation>
    </message>
    <message>
        <source>Used on the board</source>
        <translation>用于创建进度表</translation>
    </message>
    <message>
        <source>New criterion</source>
        <translation>新增标准</translation>
    </message>
    <message>
        <source>Save criterion</source>
        <translation>保存标准</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name (Chinese)</source>
        <translation>名称（中文）</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Judged</source>
        <translation>认定方式</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>计算内容</translation>
    </message>
    <message>
        <source>Threshold (%)</source>
        <translation>阈值（%）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>口径说明</translation>
    </message>
    <message>
        <source>EXAMPLE: these are the criteria shipped with the program, an example only — no national standard is claimed. Change them to the station&apos;s own list; the first change keeps the whole example as the station&apos;s list.</source>
        <translation>示例：以下是程序自带的创建标准，仅为示例，并非国家标准。请改为本所自己的标准；首次修改时，整套示例标准将保存为本所标准。</translation>
    </message>
    <message>
        <source>The station&apos;s own criteria.</source>
        <translation>本所自定的创建标准。</translation>
    </message>
    <message>
        <source> (not used)</source>
        <translation>（未启用）</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>{path} has changes not yet written into it, kept in {log} beside it, and they cannot be read where it is (its folder or disk cannot be written). Copy the database together with the files beside it named like it to a folder you can write to first.</source>
        <translation>{path} 还有尚未写入文件的修改，保存在旁边的 {log} 中，在当前位置无法读取（所在文件夹或磁盘不能写入）。请先把数据库连同旁边同名开头的文件一起复制到可以写入的文件夹。</translation>
    </message>
    <message>
        <source>The disk is full; nothing was saved. ({path})</source>
        <translation>磁盘已满，本次未保存任何内容。（{path}）</translation>
    </message>
    <message>
        <source>The database is in use by another program; try again. ({path})</source>
        <translation>数据库正被其他程序占用，请稍后重试。（{path}）</translation>
    </message>
    <message>
        <source>The database cannot be written: {path}</source>
        <translation>无法写入数据库：{path}</translation>
    </message>
    <message>
        <source>The file is damaged or is not a database: {path}</source>
        <translation>文件已损坏或不是数据库文件：{path}</translation>
    </message>
    <message>
        <source>{path} is open read-only (its folder or disk cannot be written), so nothing can be saved in it. Copy it to a folder you can write to first.</source>
        <translation>{path} 以只读方式打开（所在文件夹或磁盘不能写入），无法在其中保存任何内容。请先把它复制到可以写入的文件夹。</translation>
    </message>
    <message>
        <source>Cannot read the database file {path}: {reason}</source>
        <translation>无法读取数据库文件 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not an Outreach Desk database (not SQLite).</source>
        <translation>{path} 不是反诈工作台数据库（不是 SQLite 文件）。</translation>
    </message>
    <message>
        <source>{path} is another program&apos;s SQLite file, not an Outreach Desk database.</source>
        <translation>{path} 是其他程序的 SQLite 文件，不是反诈工作台数据库。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of Outreach Desk (schema {found}, this program knows up to {known}). Update the program; the file was not changed.</source>
        <translation>{path} 由更新版本的反诈工作台创建（数据结构版本 {found}，本程序最高支持 {known}）。请升级程序；该文件未作任何改动。</translation>
    </message>
    <message>
        <source>{path} is empty: nothing has been written to this database yet.</source>
        <translation>{path} 是空文件：这个数据库还没有写入任何内容。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} was made by an earlier version of Outreach Desk and must be brought up to date, which cannot be done where it is (its folder or disk cannot be written). Copy it to a folder you can write to first.</source>
        <translation>{path} 由旧版反诈工作台创建，需要先升级，但在当前位置无法升级（所在文件夹或磁盘不能写入）。请先把它复制到可以写入的文件夹。</translation>
    </message>
    <message>
        <source>There is no database at {path}.</source>
        <translation>找不到数据库：{path}。</translation>
    </message>
    <message>
        <source>Cannot create the folder for {path}: {reason}</source>
        <translation>无法为 {path} 创建文件夹：{reason}</translation>
    </message>
    <message>
        <source>Cannot open {path} for writing; choose a folder you can write to.</source>
        <translation>无法写入 {path}，请选择一个有写入权限的文件夹。</translation>
    </message>
    <message>
        <source>Cannot use the backup folder {path}: {reason}</source>
        <translation>无法使用备份文件夹 {path}：{reason}</translation>
    </message>
    <message>
        <source>The backup failed its check and was not kept: {why}</source>
        <translation>备份未通过检查，未保留：{why}</translation>
    </message>
    <message>
        <source>The backup could not be written to {path}: {reason}</source>
        <translation>无法把备份写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>{path} 处没有备份文件。</translation>
    </message>
    <message>
        <source>{path} is not an Outreach Desk backup.</source>
        <translation>{path} 不是反诈工作台的备份文件。</translation>
    </message>
    <message>
        <source>{path} cannot be restored: {why}</source>
        <translation>{path} 无法恢复：{why}</translation>
    </message>
    <message>
        <source>{path} is open in another Outreach Desk.</source>
        <translation>{path} 已在另一个反诈工作台窗口中打开。</translation>
    </message>
    <message>
        <source>A wrong password was given for {path} just before; try again in {seconds} s.</source>
        <translation>刚才为 {path} 输入了错误的密码，请在 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>{path} is encrypted and the password is missing or wrong (set OUTREACH_DESK_PASSWORD or type it when asked).</source>
        <translation>{path} 已加密，密码缺失或不正确（请设置环境变量 OUTREACH_DESK_PASSWORD，或在提示时输入）。</translation>
    </message>
    <message>
        <source>The key file {path} cannot be read.</source>
        <translation>无法读取密钥文件 {path}。</translation>
    </message>
    <message>
        <source>{path} is encrypted: unlock it with its password first.</source>
        <translation>{path} 已加密：请先输入密码解锁。</translation>
    </message>
    <message>
        <source>The converted database failed its check: {path}</source>
        <translation>转换后的数据库未通过检查：{path}</translation>
    </message>
    <message>
        <source>This installation cannot encrypt (SQLCipher is not available).</source>
        <translation>本机安装的程序不支持加密（缺少 SQLCipher）。</translation>
    </message>
    <message>
        <source>Cannot write {path} ({reason}). Outreach Desk keeps this small file beside a database while it is open, to notice a program that stopped without closing it. Move whatever is at that place away, then open the database again.</source>
        <translation>无法写入 {path}（{reason}）。数据库打开期间，反诈工作台会在它旁边放一个小文件，用来发现未正常关闭就退出的程序。请把该位置上的东西移走，再打开数据库。</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Notice deadline of a list</source>
        <translation>名单通告期限</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Return by</source>
        <translation>限期回国日期</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>The database already holds records; demo data goes only into an empty database (use --force to replace them).</source>
        <translation>数据库中已有记录；演示数据只能写入空数据库（如需替换现有记录，请加 --force）。</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>There is no talk with the id {value}.</source>
        <translation>找不到编号为 {value} 的活动。</translation>
    </message>
    <message>
        <source>Unknown fraud types: {value}. Known: {known}.</source>
        <translation>无法识别的诈骗类型：{value}。可用的有：{known}。</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>结束日期早于开始日期。</translation>
    </message>
    <message>
        <source>There is no warning with the id {value}.</source>
        <translation>找不到编号为 {value} 的预警。</translation>
    </message>
    <message>
        <source>There is no card seller with the id {value}.</source>
        <translation>没有编号为 {value} 的涉“两卡”人员。</translation>
    </message>
    <message>
        <source>There is no interview with the id {value}.</source>
        <translation>没有编号为 {value} 的约谈记录。</translation>
    </message>
    <message>
        <source>Unknown status {value}. Known: {known}.</source>
        <translation>未知状态 {value}。可选：{known}。</translation>
    </message>
    <message>
        <source>There is no person abroad with the id {value}.</source>
        <translation>找不到编号为 {value} 的滞留境外人员。</translation>
    </message>
    <message>
        <source>There is no community or village with the id {value}.</source>
        <translation>没有编号为 {value} 的村（社区）。</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate residents</source>
        <translation>重复录入的群众</translation>
    </message>
    <message>
        <source>Looking for residents entered twice…</source>
        <translation>正在查找重复录入的群众……</translation>
    </message>
    <message>
        <source>Stays (entered first)</source>
        <translation>保留（先录入的）</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>并入其中的</translation>
    </message>
    <message>
        <source>Same</source>
        <translation>相同项</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Merge the two</source>
        <translation>合并这两条</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>不是同一人</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>mobile</source>
        <translation>手机号码</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) may be one person. Merging keeps every warning of both and the record entered first.</source>
        <translation>
            <numerusform>有 %n 对可能是同一人。合并会保留两边的全部预警，并保留先录入的那条记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>No resident seems to be entered twice.</source>
        <translation>没有发现重复录入的群众。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Could not write the picture to {path}.</source>
        <translation>无法把图片写入 {path}，请检查该文件夹是否可写。</translation>
    </message>
    <message>
        <source>The database holds no talk to show.</source>
        <translation>数据库中没有可显示的宣传活动。</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Add evidence</source>
        <translation>添加佐证材料</translation>
    </message>
    <message>
        <source>Yes, met</source>
        <translation>是，已达到</translation>
    </message>
    <message>
        <source>No, not met</source>
        <translation>否，未达到</translation>
    </message>
    <message>
        <source>e.g. 宣传栏设在村委会门口，2026年11月更新</source>
        <translation>例如：宣传栏设在村委会门口，2026年11月更新</translation>
    </message>
    <message>
        <source>(no photo)</source>
        <translation>（无照片）</translation>
    </message>
    <message>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Met?</source>
        <translation>是否达到</translation>
    </message>
    <message>
        <source>Noted on</source>
        <translation>认定日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Choose photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>This laptop has no exchange key yet. Enter the key the county gave you under Exchange › Exchange key (or: outreach-desk package key --set KEY).</source>
        <translation>这台笔记本还没有交换密钥。请在“数据交换 › 交换密钥”中输入县局给的密钥（或：outreach-desk package key --set 密钥）。</translation>
    </message>
    <message>
        <source>{path} is a folder; give the package a file name.</source>
        <translation>{path} 是文件夹，请给数据包起一个文件名。</translation>
    </message>
    <message>
        <source>{path} exists and is not an exchange package; choose another name (nothing was replaced).</source>
        <translation>{path} 已存在且不是数据交换包，请换一个文件名（未覆盖任何文件）。</translation>
    </message>
    <message>
        <source>Cannot write the package {path}: {reason}</source>
        <translation>无法写出数据包 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} was refused: the photo {file} cannot be written. {reason} Nothing was merged.</source>
        <translation>{path} 被拒收：照片 {file} 无法写入。{reason} 没有合并任何内容。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is {size} MB; a package holds at most {limit} MB. Ask for packages made more often, or for a new one. Nothing was merged.</source>
        <translation>{path} 有 {size} MB，交换包最大只能 {limit} MB。请对方更频繁地制作交换包，或重新制作一个。没有合并任何内容。</translation>
    </message>
    <message>
        <source>{path} is encrypted and this installation cannot decrypt it.</source>
        <translation>{path} 已加密，本机安装的程序无法解密。</translation>
    </message>
    <message>
        <source>{path} is damaged: {reason}</source>
        <translation>{path} 已损坏：{reason}</translation>
    </message>
    <message>
        <source>{path} cannot be opened with this county&apos;s key: another county&apos;s package, a damaged or cut-off file, or not a package at all.</source>
        <translation>本县密钥打不开 {path}：可能是其他县的数据包、文件损坏或不完整，或根本不是数据包。</translation>
    </message>
    <message>
        <source>{path} is not an exchange package.</source>
        <translation>{path} 不是数据交换包。</translation>
    </message>
    <message>
        <source>{path} has no readable manifest.</source>
        <translation>{path} 没有可读的清单。</translation>
    </message>
    <message>
        <source>The seal of {path} is broken: the package was changed after it was made, or it was sealed with another county&apos;s key. Nothing was merged.</source>
        <translation>{path} 的封签已破损：数据包生成后被改动过，或是用其他县的密钥封签的。未合并任何数据。</translation>
    </message>
    <message>
        <source>{path} was made by a newer version of the program (data version {version}); update this laptop first. Nothing was merged.</source>
        <translation>{path} 由更新版本的程序生成（数据版本 {version}），请先升级本机程序。未合并任何数据。</translation>
    </message>
    <message>
        <source>{path} was made by an older version of the program, whose packages are not sealed as this one needs. Update the laptop that made it and make the package again. Nothing was merged.</source>
        <translation>{path} 是旧版本程序制作的，其封签方式本版本不再接受。请先升级制作它的电脑上的程序，再重新制作交换包。没有合并任何内容。</translation>
    </message>
    <message>
        <source>{path} was made on this laptop; there is nothing to merge.</source>
        <translation>{path} 是本机生成的，无需合并。</translation>
    </message>
    <message>
        <source>{path} has a manifest this program cannot read ({field}: {reason}). Nothing was merged.</source>
        <translation>{path} 的清单本程序无法读取（{field}：{reason}）。没有合并任何内容。</translation>
    </message>
    <message>
        <source>{path} has records of {table} this program cannot read.</source>
        <translation>{path} 中的{table}记录本程序无法读取。</translation>
    </message>
    <message>
        <source>No record of the package attaches it there.</source>
        <translation>包里没有任何记录把这张照片放在这个位置。</translation>
    </message>
    <message>
        <source>It is not the picture it says.</source>
        <translation>文件内容与其标明的图片类型不符。</translation>
    </message>
    <message>
        <source>The content of {path} does not match its hash: it was changed or damaged after it was made. Nothing was merged.</source>
        <translation>{path} 的内容与校验值不符：生成后被改动或损坏。未合并任何数据。</translation>
    </message>
    <message>
        <source>{path} was refused: {problem} Ask the laptop that made it to correct the record and send a new package. Nothing was merged.</source>
        <translation>{path} 被拒收：{problem} 请制作它的电脑改正这条记录后重新发送交换包。没有合并任何内容。</translation>
    </message>
    <message>
        <source>{path} holds {table} records this database cannot accept ({reason}). Nothing was merged.</source>
        <translation>{path} 中的 {table} 记录本数据库无法接受（{reason}）。未合并任何数据。</translation>
    </message>
    <message>
        <source>{path} changed while it was being merged. Nothing was merged.</source>
        <translation>合并过程中 {path} 被改动。未合并任何数据。</translation>
    </message>
    <message>
        <source>{path} refers to records this database has never received ({examples}). Merge the earlier packages from that laptop first, or ask it for a full package. Nothing was merged.</source>
        <translation>{path} 引用了本数据库从未收到的记录（{examples}）。请先合并那台笔记本之前的数据包，或请它发一个完整数据包。未合并任何数据。</translation>
    </message>
    <message>
        <source>The {table} record {record} cannot be accepted ({field}): {reason}</source>
        <translation>{table} 中的记录 {record} 不能接收（{field}）：{reason}</translation>
    </message>
</context>
<context>
    <name>ExchangeKeyDialog</name>
    <message>
        <source>Exchange key</source>
        <translation>交换密钥</translation>
    </message>
    <message>
        <source>Every laptop of the county and the county&apos;s own database use the same key. The county makes it once and gives it to each station; keep it like a password.</source>
        <translation>全县每台笔记本和县局的数据库使用同一个密钥。由县局生成一次，发给各派出所；请像密码一样保管。</translation>
    </message>
    <message>
        <source>Make a new key (county only)</source>
        <translation>生成新密钥（仅县局）</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ExportPackageDialog</name>
    <message>
        <source>Export a package</source>
        <translation>导出数据包</translation>
    </message>
    <message>
        <source>County anti-fraud centre</source>
        <translation>县反诈中心</translation>
    </message>
    <message>
        <source>Every record (a full package)</source>
        <translation>全部记录（完整数据包）</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Send to</source>
        <translation>发往</translation>
    </message>
    <message>
        <source>The package will hold every record on this laptop.</source>
        <translation>数据包将包含本机的全部记录。</translation>
    </message>
    <message>
        <source>The package will hold what changed since the last one there, sent {at}.</source>
        <translation>数据包将包含自上次发往那里（{at}）以来的变动。</translation>
    </message>
    <message>
        <source>Set the county&apos;s exchange key first (Exchange › Exchange key…).</source>
        <translation>请先设置县局的交换密钥（数据交换 › 交换密钥……）。</translation>
    </message>
    <message>
        <source>Exchange package (*.odpkg)</source>
        <translation>数据交换包 (*.odpkg)</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n record(s) to {path}.</source>
        <translation>
            <numerusform>已将 %n 条记录写入 {path}。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo file(s) were missing and are not in it.</source>
        <translation>
            <numerusform>有 %n 个照片文件缺失，未包含在内。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Figures</name>
    <message>
        <source>Talks held</source>
        <translation>开展宣传活动</translation>
    </message>
    <message>
        <source>Talks starting in the period and recorded as done.</source>
        <translation>期内开始且已登记为“已完成”的宣传活动场次。</translation>
    </message>
    <message>
        <source>Talks planned</source>
        <translation>计划宣传活动</translation>
    </message>
    <message>
        <source>Talks starting in the period that are planned, confirmed or postponed (not yet held).</source>
        <translation>期内开始、状态为计划、已确认或已延期（尚未开展）的场次。</translation>
    </message>
    <message>
        <source>Talks cancelled</source>
        <translation>取消宣传活动</translation>
    </message>
    <message>
        <source>Talks starting in the period that were cancelled; they are not held talks.</source>
        <translation>期内开始、已取消的场次，不计入已开展场次。</translation>
    </message>
    <message>
        <source>Large talks (1,000+)</source>
        <translation>千人以上宣传活动</translation>
    </message>
    <message>
        <source>Held talks with 1,000 or more people recorded.</source>
        <translation>已开展且登记参加人数在1000人及以上的场次。</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>受教育群众</translation>
    </message>
    <message>
        <source>Handouts given</source>
        <translation>发放宣传资料</translation>
    </message>
    <message>
        <source>Handouts recorded as given at held talks.</source>
        <translation>已开展活动登记的宣传资料发放份数之和。</translation>
    </message>
    <message>
        <source>Coverage of communities</source>
        <translation>村（社区）覆盖率</translation>
    </message>
    <message>
        <source>Communities and villages with at least one held talk in the period, divided by all communities and villages of the area.</source>
        <translation>期内至少开展过一场宣传活动的村（社区）数 ÷ 辖区村（社区）总数。</translation>
    </message>
    <message>
        <source>Warning text messages sent</source>
        <translation>发送预警短信</translation>
    </message>
    <message>
        <source>Text messages entered on the Campaigns screen for days in the period.</source>
        <translation>“宣传投放”中登记的期内短信条数之和。</translation>
    </message>
    <message>
        <source>Warning calls made</source>
        <translation>拨打预警电话</translation>
    </message>
    <message>
        <source>Warning calls entered on the Campaigns screen for days in the period.</source>
        <translation>“宣传投放”中登记的期内预警电话次数之和。</translation>
    </message>
    <message>
        <source>Posters put up</source>
        <translation>张贴宣传海报</translation>
    </message>
    <message>
        <source>Posters entered on the Campaigns screen for days in the period.</source>
        <translation>“宣传投放”中登记的期内张贴海报数之和。</translation>
    </message>
    <message>
        <source>WeChat posts</source>
        <translation>微信推送</translation>
    </message>
    <message>
        <source>WeChat posts entered on the Campaigns screen for days in the period.</source>
        <translation>“宣传投放”中登记的期内微信推送条数之和。</translation>
    </message>
    <message>
        <source>Warnings received</source>
        <translation>接收预警</translation>
    </message>
    <message>
        <source>Warnings received in the period, from every source and of every level.</source>
        <translation>期内接收的全部预警（各来源、各等级）。</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>尚未办结</translation>
    </message>
    <message>
        <source>Of the warnings received in the period, those not closed yet.</source>
        <translation>期内接收的预警中尚未结案的条数。</translation>
    </message>
    <message>
        <source>Contact attempts</source>
        <translation>联系处置次数</translation>
    </message>
    <message>
        <source>Calls, visits, texts and contacts with family or bank recorded for the warnings received in the period.</source>
        <translation>期内接收预警所登记的电话、上门、短信、联系家属和银行次数之和。</translation>
    </message>
    <message>
        <source>Dissuaded</source>
        <translation>成功劝阻</translation>
    </message>
    <message>
        <source>Dissuaded face to face</source>
        <translation>见面劝阻</translation>
    </message>
    <message>
        <source>Dissuasion success rate</source>
        <translation>劝阻成功率</translation>
    </message>
    <message>
        <source>Dissuaded, divided by the warnings received in the period and closed with any outcome other than false alarm.</source>
        <translation>成功劝阻数 ÷ 期内接收且已结案（不含误报）的预警数。</translation>
    </message>
    <message>
        <source>Time to first contact (median)</source>
        <translation>首次联系用时（中位数）</translation>
    </message>
    <message>
        <source>Minutes from receipt to the first attempt, median over the warnings received in the period that had one.</source>
        <translation>从接收预警到第一次联系的分钟数，取期内有联系记录的预警的中位数。</translation>
    </message>
    <message>
        <source>Time to first contact (90%)</source>
        <translation>首次联系用时（90%）</translation>
    </message>
    <message>
        <source>Minutes within which nine in ten of those warnings had their first attempt.</source>
        <translation>九成预警在此分钟数之内完成第一次联系。</translation>
    </message>
    <message>
        <source>Time to meeting in person (median)</source>
        <translation>见面用时（中位数）</translation>
    </message>
    <message>
        <source>Minutes from receipt to the first meeting in person, median over the warnings received in the period that had one.</source>
        <translation>从接收预警到民警与当事人当面见到的分钟数，取中位数。</translation>
    </message>
    <message>
        <source>Time to meeting in person (90%)</source>
        <translation>见面用时（90%）</translation>
    </message>
    <message>
        <source>Minutes within which nine in ten of those warnings had their first meeting in person.</source>
        <translation>九成见面劝阻在此分钟数之内完成。</translation>
    </message>
    <message>
        <source>Money protected</source>
        <translation>避免群众损失</translation>
    </message>
    <message>
        <source>Amounts protected recorded on the warnings received in the period.</source>
        <translation>期内接收预警登记的保护资金之和（万元）。</translation>
    </message>
    <message>
        <source>Amounts lost recorded on the warnings received in the period, including losses before the warning.</source>
        <translation>期内接收预警登记的被骗金额之和，含预警前已转出的（万元）。</translation>
    </message>
    <message>
        <source>Stop-payment amounts recorded on the warnings received in the period.</source>
        <translation>期内接收预警登记的止付金额之和（万元）。</translation>
    </message>
    <message>
        <source>Warnings from bank outlets received in the period and closed as dissuaded (police and bank working together).</source>
        <translation>来源为银行网点、期内接收且劝阻成功的预警（警银联动）。</translation>
    </message>
    <message>
        <source>Money protected on those bank interceptions.</source>
        <translation>上述银行网点拦截案件登记的保护资金之和（万元）。</translation>
    </message>
    <message>
        <source>New card sellers</source>
        <translation>新增涉“两卡”人员</translation>
    </message>
    <message>
        <source>Residents listed in the period as card sellers (their bank or phone cards served fraud), each counted once however many records; the figure that should fall.</source>
        <translation>期内列入涉“两卡”人员名单的群众人数（同一人多条记录只计一人），应逐步下降。</translation>
    </message>
    <message>
        <source>Of them opened locally</source>
        <translation>其中本地开户</translation>
    </message>
    <message>
        <source>Of the new card sellers, those with a card listed in the period that was opened locally: at an outlet on record as a partner with an area of the jurisdiction, or recorded as opened locally.</source>
        <translation>新增涉“两卡”人员中，期内所列卡在本地开立的人数：开户网点为登记有辖区的合作单位，或登记为本地开户。</translation>
    </message>
    <message>
        <source>Interview rate</source>
        <translation>约谈率</translation>
    </message>
    <message>
        <source>New card sellers with the interview (summons and warning) step recorded on a record listed in the period, divided by the new card sellers.</source>
        <translation>新增涉“两卡”人员中已登记约谈（训诫）的人数 ÷ 新增涉“两卡”人员数。</translation>
    </message>
    <message>
        <source>Card sellers handed over for prosecution on a day in the period, whenever they were listed.</source>
        <translation>期内移交打击的涉“两卡”人员人数，不论何时列入名单。</translation>
    </message>
    <message>
        <source>Persons closed off in the period, for any reason.</source>
        <translation>期内销账的人数（各种销账原因）。</translation>
    </message>
    <message>
        <source>Communities and villages whose fraud-free plaque stands on the period&apos;s last day.</source>
        <translation>期末已授牌（未摘牌）的无诈村（社区）数。</translation>
    </message>
    <message>
        <source>Twelve months, month by month, to the last month of the period (on the fraud-free communities screen, to this month): each month&apos;s value is the figure with that month as its period (the communities on the month&apos;s last day, the rates over that month&apos;s visits; the month still running ends today).</source>
        <translation>逐月统计十二个月，截至统计期末所在月（“无诈社区”界面截至本月）：每月数值为以该月为统计期的同名指标（村、社区数按月末计，比率按当月走访计；当月尚未结束的，截至当日）。</translation>
    </message>
    <message>
        <source>Restricted</source>
        <translation>惩戒数</translation>
    </message>
    <message>
        <source>Card sellers reported for the five-year restriction on new cards on a day in the period, whenever they were listed.</source>
        <translation>期内报送惩戒（五年内限制办理新卡）的涉“两卡”人员人数，不论何时列入名单。</translation>
    </message>
    <message>
        <source>Handed over for prosecution</source>
        <translation>移交数</translation>
    </message>
    <message>
        <source>Persons abroad on the ledger</source>
        <translation>在册人数</translation>
    </message>
    <message>
        <source>Persons listed by the period&apos;s end and not closed off by then, counted by household registration.</source>
        <translation>截至期末已列管且尚未销账的人数，按户籍地统计。</translation>
    </message>
    <message>
        <source>Persons abroad added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Persons listed in the period.</source>
        <translation>期内列管（列入台账）的人数。</translation>
    </message>
    <message>
        <source>Persons returned</source>
        <translation>已回国</translation>
    </message>
    <message>
        <source>Persons whose return falls in the period (by the date they entered the country).</source>
        <translation>回国（入境）日期在期内的人数。</translation>
    </message>
    <message>
        <source>Return rate</source>
        <translation>劝返率</translation>
    </message>
    <message>
        <source>Persons returned in the period, divided by those on the ledger at its start plus those added in it.</source>
        <translation>期内已回国人数 ÷（期初在册人数 + 期内新增人数）。</translation>
    </message>
    <message>
        <source>Closed off</source>
        <translation>销账数</translation>
    </message>
    <message>
        <source>Past the deadline, not returned</source>
        <translation>超期未归</translation>
    </message>
    <message>
        <source>Persons on the ledger at the period&apos;s end whose notice deadline had passed by then and who had not returned.</source>
        <translation>期末在册、通告期限已过且尚未回国的人数。</translation>
    </message>
    <message>
        <source>Out of touch</source>
        <translation>失联</translation>
    </message>
    <message>
        <source>Persons on the ledger at the period&apos;s end, listed at least 30 days before it and not returned, with neither the person nor the family reached (reached, met or agreed to return) in those last 30 days.</source>
        <translation>期末在册、列管已满30天且尚未回国，期末前30天内本人和家属均未联系上（已接通、已见面或答应回国）的人数。</translation>
    </message>
    <message>
        <source>Days from listing to return (median)</source>
        <translation>列管至回国天数（中位数）</translation>
    </message>
    <message>
        <source>Days from listing to return, median over the persons who returned in the period.</source>
        <translation>从列管到回国的天数，取期内回国人员的中位数。</translation>
    </message>
    <message>
        <source>Fraud-free communities</source>
        <translation>无诈社区</translation>
    </message>
    <message>
        <source>Share of communities fraud-free</source>
        <translation>无诈社区创建率</translation>
    </message>
    <message>
        <source>Fraud-free communities divided by all communities and villages of the area.</source>
        <translation>期末已授牌的无诈村（社区）数 ÷ 辖区村（社区）总数。</translation>
    </message>
    <message>
        <source>Anti-fraud app installation</source>
        <translation>反诈App安装率</translation>
    </message>
    <message>
        <source>Households with the national anti-fraud app (installed at the visit or already), divided by the households at home, over the door-to-door visits of the period.</source>
        <translation>期内入户走访中已安装国家反诈中心App（新安装 + 原已安装）的户数 ÷ 在家户数。</translation>
    </message>
    <message>
        <source>Household visit coverage</source>
        <translation>入户走访覆盖率</translation>
    </message>
    <message>
        <source>Households visited in the period (each community&apos;s count at most its households) divided by the households of the communities whose number of households is recorded.</source>
        <translation>期内走访户数（每个村、社区不超过其总户数）÷ 已登记总户数的村（社区）的总户数。</translation>
    </message>
    <message>
        <source>Households visited</source>
        <translation>入户走访户数</translation>
    </message>
    <message>
        <source>Households visited door to door in the period, as the visit records add them up (a household visited twice counts twice).</source>
        <translation>期内入户走访登记的户数之和（同一户走访两次计两次）。</translation>
    </message>
    <message>
        <source>Money lost</source>
        <translation>群众被骗金额</translation>
    </message>
    <message>
        <source>People recorded at held talks, added up (a resident at two talks counts twice).</source>
        <translation>已开展活动登记的参加人数之和（人次）。</translation>
    </message>
    <message>
        <source>Warnings received in the period and closed as dissuaded, one per warning (a resident warned twice counts twice).</source>
        <translation>期内接收且以“劝阻成功”结案的预警（人次）。</translation>
    </message>
    <message>
        <source>Dissuaded warnings in which an officer met the resident in person, one per warning.</source>
        <translation>“劝阻成功”的预警中，民警与当事人当面见到的（人次）。</translation>
    </message>
    <message>
        <source>Money stopped</source>
        <translation>紧急止付金额</translation>
    </message>
    <message>
        <source>Bank outlet interceptions</source>
        <translation>银行网点拦截</translation>
    </message>
    <message>
        <source>Saved through banks</source>
        <translation>银行网点挽回资金</translation>
    </message>
    <message>
        <source>Defrauded after warning</source>
        <translation>预警后被骗</translation>
    </message>
    <message>
        <source>Warnings received in the period closed as defrauded whose money left after the warning arrived.</source>
        <translation>期内接收、以“已被骗”结案且资金在收到预警之后转出的预警。</translation>
    </message>
    <message>
        <source>Zero-loss streak</source>
        <translation>连续预警后零被骗</translation>
    </message>
    <message>
        <source>Whole days from the last loss by a warned resident (after the warning arrived) to the last day of the period; without such a loss, from the first warning on record.</source>
        <translation>从最近一次“预警后被骗”（资金在预警之后转出）之日到统计期末的整天数；从未发生的，自第一条预警之日起算。</translation>
    </message>
    <message>
        <source>High-risk residents</source>
        <translation>高危人员</translation>
    </message>
    <message>
        <source>Residents of the area tagged high-risk (warned twice or more within twelve months), as recorded today.</source>
        <translation>辖区内标记为高危（十二个月内被预警两次及以上）的群众人数（以当前记录为准）。</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>应回访</translation>
    </message>
    <message>
        <source>Follow-ups falling due in the period.</source>
        <translation>期内到期的回访数。</translation>
    </message>
    <message>
        <source>Follow-ups done</source>
        <translation>回访完成率</translation>
    </message>
    <message>
        <source>Follow-ups due in the period and recorded as done, divided by those due.</source>
        <translation>期内到期且已登记完成的回访数 ÷ 期内到期回访数。</translation>
    </message>
</context>
<context>
    <name>FraudFree</name>
    <message>
        <source>the community&apos;s number of households</source>
        <translation>该村（社区）的总户数</translation>
    </message>
    <message>
        <source>visits with households at home</source>
        <translation>有在家户的走访记录</translation>
    </message>
    <message>
        <source>evidence entered in the period</source>
        <translation>期内录入的佐证材料</translation>
    </message>
</context>
<context>
    <name>FraudFreeBoard</name>
    <message>
        <source>a resident defrauded after a warning</source>
        <translation>群众预警后被骗</translation>
    </message>
    <message>
        <source>a new card seller</source>
        <translation>新增涉“两卡”人员</translation>
    </message>
    <message>
        <source>a new person abroad</source>
        <translation>新增滞留境外人员</translation>
    </message>
    <message>
        <source>{kind} ({day})</source>
        <translation>{kind}（{day}）</translation>
    </message>
    <message>
        <source>Plaque since {since} in question: {reasons}. Review it.</source>
        <translation>{since}授牌后出现：{reasons}。请复核。</translation>
    </message>
    <message>
        <source>Threshold: {threshold}% · {period}</source>
        <translation>阈值：{threshold}% · {period}</translation>
    </message>
    <message>
        <source>Not yet known: missing {missing}.</source>
        <translation>尚不确定：缺少{missing}。</translation>
    </message>
    <message>
        <source>Not set: coverage cannot be computed.</source>
        <translation>未设置：无法计算走访覆盖率。</translation>
    </message>
    <message>
        <source>every area</source>
        <translation>全部辖区</translation>
    </message>
    <message>
        <source>Flagged only</source>
        <translation>只看待复核</translation>
    </message>
    <message>
        <source>Communities with a plaque that a later record puts in question.</source>
        <translation>已授牌、但授牌后有记录对其提出疑问的村（社区）。</translation>
    </message>
    <message>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Reading the board…</source>
        <translation>正在读取创建进度…</translation>
    </message>
    <message>
        <source>{status}: {count}</source>
        <translation>{status} {count} 个</translation>
    </message>
    <message>
        <source>flagged for review: {count}</source>
        <translation>待复核 {count} 个</translation>
    </message>
    <message>
        <source>{communities} communities on {day} — {counts}</source>
        <translation>截至{day}共 {communities} 个村（社区）：{counts}</translation>
    </message>
    <message>
        <source> · {shown} shown</source>
        <translation> · 显示 {shown} 个</translation>
    </message>
    <message>
        <source>The criteria are the shipped EXAMPLE set, not a national standard: set the station&apos;s own under Criteria…</source>
        <translation>当前使用程序自带的示例标准，并非国家标准；请在“创建标准…”中设置本所标准。</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>总户数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>创建状态</translation>
    </message>
    <message>
        <source>(no township)</source>
        <translation>（未归属乡镇）</translation>
    </message>
</context>
<context>
    <name>FraudFreePage</name>
    <message>
        <source>Criteria…</source>
        <translation>创建标准…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The board of the area chosen (A4)…</source>
        <translation>所选辖区的创建挂图（A4）…</translation>
    </message>
    <message>
        <source>The board of the area chosen (A3)…</source>
        <translation>所选辖区的创建挂图（A3）…</translation>
    </message>
    <message>
        <source>The assessment sheet of the community chosen…</source>
        <translation>所选村（社区）的创建验收表…</translation>
    </message>
    <message>
        <source>A door-to-door tally sheet of the community chosen…</source>
        <translation>所选村（社区）的入户走访登记表…</translation>
    </message>
    <message>
        <source>The trend of the area chosen on the Trend tab…</source>
        <translation>“趋势”页所选地区的创建趋势…</translation>
    </message>
    <message>
        <source>Creation board</source>
        <translation>创建进度表</translation>
    </message>
    <message>
        <source>Door-to-door visits</source>
        <translation>入户走访</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
</context>
<context>
    <name>HouseholdsDialog</name>
    <message>
        <source>Number of households</source>
        <translation>总户数</translation>
    </message>
    <message>
        <source>e.g. 320; empty when not known</source>
        <translation>例如 320；不清楚时留空</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>总户数</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file is neither UTF-8 nor GBK text. Save it from Excel as “CSV UTF-8” or as .xlsx and try again.</source>
        <translation>该文件既不是 UTF-8 也不是 GBK 编码的文本。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 格式后重试。</translation>
    </message>
    <message>
        <source>The file is neither UTF-8 nor GBK text (perhaps Big5). Save it from Excel as “CSV UTF-8” or as .xlsx and try again.</source>
        <translation>文件既不是 UTF-8 也不是 GBK 编码（可能是 Big5 繁体编码）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重试。</translation>
    </message>
    <message>
        <source>There is no file at {path}.</source>
        <translation>找不到文件：{path}。</translation>
    </message>
    <message>
        <source>Only spreadsheets (.xlsx, .xls, .xlsb, .ods) and .csv files can be imported, not {suffix}.</source>
        <translation>只能导入电子表格（.xlsx、.xls、.xlsb、.ods）和 .csv 文件，不能导入 {suffix} 文件。</translation>
    </message>
    <message>
        <source>The file holds NUL bytes (\x00) at line {line}: it is probably not a text file, or was saved with a wrong encoding. Save it again as “CSV UTF-8” or as .xlsx and import that.</source>
        <translation>文件第 {line} 行含有空字符（\x00）：它可能不是文本文件，或保存时用错了编码。请重新另存为“CSV UTF-8”或 .xlsx 格式后再导入。</translation>
    </message>
    <message>
        <source>Line {line} of the CSV file cannot be read (a cell is far too long, or quotes do not match). Check the file in Excel or WPS.</source>
        <translation>CSV 文件第 {line} 行无法读取（某个单元格内容过长，或引号不成对）。请在 Excel 或 WPS 中检查该文件。</translation>
    </message>
    <message>
        <source>The sheet reaches row {rows} and column {columns}, a grid of {cells} cells; a list can have at most {max_cells} cells ({max_rows} rows or {max_columns} columns at most). Copy the list itself into a new workbook (without empty formatted rows or columns) and import that.</source>
        <translation>该工作表延伸到第 {rows} 行、第 {columns} 列，共 {cells} 个单元格；一份名单最多 {max_cells} 个单元格（最多 {max_rows} 行或 {max_columns} 列）。请把名单本身复制到一个新工作簿（不要带上设置过格式的空行、空列），再导入新文件。</translation>
    </message>
    <message>
        <source>The sheet reaches row {rows} and column {columns}; a list can have at most {max_rows} rows and {max_columns} columns. Copy the list itself into a new workbook (without empty formatted rows or columns) and import that.</source>
        <translation>该工作表延伸到第 {rows} 行、第 {columns} 列；名单最多 {max_rows} 行、{max_columns} 列。请把名单内容复制到一个新工作簿（不要带空白的带格式行列）后再导入。</translation>
    </message>
    <message>
        <source>{path} is protected with a password. Open it in Excel or WPS, remove the password, save it and import again.</source>
        <translation>{path} 设置了密码保护。请用 Excel 或 WPS 打开，取消密码后保存，再重新导入。</translation>
    </message>
    <message>
        <source>{path} is not a readable spreadsheet. Open it in Excel or WPS, save it again and import that.</source>
        <translation>{path} 不是可读取的电子表格。请用 Excel 或 WPS 打开后重新保存，再导入。</translation>
    </message>
    <message>
        <source>Row {row} is the header, but it has no column for: {missing}. The file needs at least these columns: {columns}.</source>
        <translation>第 {row} 行是表头，但缺少这些列：{missing}。文件至少要有这些列：{columns}。</translation>
    </message>
    <message>
        <source>No header row found in the first {rows} rows. The file needs at least these columns: {columns}.</source>
        <translation>前 {rows} 行中未找到表头行。文件至少需要包含以下列：{columns}。</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import the jurisdiction list</source>
        <translation>导入辖区名单</translation>
    </message>
    <message>
        <source>One row per community or village, with the county and township it belongs to. Title rows above the header are skipped. Columns: {columns}.</source>
        <translation>每行一个村（社区），并填写其所属的县（区）和乡镇（街道）。表头上方的标题行会自动跳过。列：{columns}。</translation>
    </message>
    <message>
        <source>Import a warning list</source>
        <translation>导入预警名单</translation>
    </message>
    <message>
        <source>A warning list (预警名单) as it arrives from upper levels. Title rows are skipped, columns are recognised by their usual names, unknown columns are ignored and never stored; importing the same list again adds nothing. Columns: {columns}.</source>
        <translation>上级下发的预警名单。标题行会被跳过，按常用列名识别各列，无法识别的列会被忽略且不保存；同一份名单重复导入不会重复添加。列：{columns}。</translation>
    </message>
    <message>
        <source>Import a schedule of talks</source>
        <translation>导入宣传活动计划</translation>
    </message>
    <message>
        <source>One row per planned talk. A time like 09:00-10:30 may stand in one column; without an end time a talk lasts 90 minutes. Communities and officers must already be known. Columns: {columns}.</source>
        <translation>每行一场计划中的活动。时间可以写在一列中，如 09:00-10:30；没有结束时间的按 90 分钟计。村（社区）和人员须已在程序中登记。列：{columns}。</translation>
    </message>
    <message>
        <source>Import door-to-door visits</source>
        <translation>导入入户走访登记表</translation>
    </message>
    <message>
        <source>A door-to-door tally sheet (入户走访登记表): one row per building or village group, with its community and day. Title rows are skipped; a sheet imported again adds nothing. Columns: {columns}.</source>
        <translation>入户走访登记表：每行一个楼栋或村民小组，写明所属村（社区）和走访日期。表头上方的标题行自动跳过；同一张表再次导入不会重复登记。列：{columns}。</translation>
    </message>
    <message>
        <source>Import the communities&apos; households</source>
        <translation>导入村（社区）户数</translation>
    </message>
    <message>
        <source>A list of communities and their numbers of households (户数统计表), one row per community already known; visit coverage is counted against it. Columns: {columns}.</source>
        <translation>村（社区）户数统计表：每行一个已登记的村（社区）及其总户数，走访覆盖率按此计算。列：{columns}。</translation>
    </message>
    <message>
        <source>Import the officer list</source>
        <translation>导入人员名单</translation>
    </message>
    <message>
        <source>One row per officer, auxiliary officer or grid worker; an officer whose badge number is already known is updated. Columns: {columns}.</source>
        <translation>每行一名民警、辅警或网格员；警号已存在的人员将更新其信息。列：{columns}。</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Name the columns…</source>
        <translation>指定各列…</translation>
    </message>
    <message numerus="yes">
        <source>Skip bad rows and import %n row(s)</source>
        <translation>
            <numerusform>跳过错误行，导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Spreadsheets ({patterns})</source>
        <translation>电子表格 ({patterns})</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was imported.</source>
        <translation>已取消，未导入任何数据。</translation>
    </message>
    <message>
        <source>Nothing was imported: {reason}</source>
        <translation>未导入任何数据：{reason}</translation>
    </message>
    <message>
        <source>Imported {good} of {rows} rows: {created} created, {updated} updated.</source>
        <translation>已导入 {good} 行（共 {rows} 行）：新增 {created} 条，更新 {updated} 条。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were already on record and are left as they are.</source>
        <translation>
            <numerusform>%n 行已有记录，保持原样。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) were skipped.</source>
        <translation>
            <numerusform>已跳过 %n 个错误行。</numerusform>
        </translation>
    </message>
    <message>
        <source>{bad} of {rows} rows have problems (listed below). Nothing has been imported yet: correct the file, or skip the bad rows.</source>
        <translation>{rows} 行中有 {bad} 行有问题（见下表）。目前尚未导入任何数据：请改正文件后重新导入，或跳过错误行。</translation>
    </message>
    <message>
        <source>All {rows} rows are valid and ready to import.</source>
        <translation>全部 {rows} 行均无误，可以导入。</translation>
    </message>
    <message>
        <source>The file holds no rows to import.</source>
        <translation>文件中没有可导入的数据行。</translation>
    </message>
    <message>
        <source>Columns ignored (not stored): {columns}</source>
        <translation>以下列已忽略（不保存）：{columns}</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>(nobody yet)</source>
        <translation>（暂未指定）</translation>
    </message>
    <message>
        <source>New warning</source>
        <translation>新建预警</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>预警详情</translation>
    </message>
    <message>
        <source>(not known yet)</source>
        <translation>（暂不清楚）</translation>
    </message>
    <message>
        <source>e.g. 5.2万 or 52000</source>
        <translation>例如：5.2万 或 52000</translation>
    </message>
    <message>
        <source>Received at *</source>
        <translation>下发时间 *</translation>
    </message>
    <message>
        <source>Source *</source>
        <translation>预警来源 *</translation>
    </message>
    <message>
        <source>Level *</source>
        <translation>预警等级 *</translation>
    </message>
    <message>
        <source>Resident&apos;s name *</source>
        <translation>居民姓名 *</translation>
    </message>
    <message>
        <source>Mobile *</source>
        <translation>手机号码 *</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>所属社区/村</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>疑似诈骗类型</translation>
    </message>
    <message>
        <source>Amount at risk</source>
        <translation>涉案金额</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>预警编号</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>Already on record?</source>
        <translation>是否已有记录？</translation>
    </message>
    <message>
        <source>on record: {masked}</source>
        <translation>已登记：{masked}</translation>
    </message>
    <message>
        <source>A new resident</source>
        <translation>新登记居民</translation>
    </message>
    <message>
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same mobile</source>
        <translation>手机号相同</translation>
    </message>
    <message numerus="yes">
        <source>{name} · {mobile} · %n warning(s) · {reason}</source>
        <translation>
            <numerusform>{name} · {mobile} · 已有预警 %n 次 · {reason}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <source>Correct the interview</source>
        <translation>更正约谈记录</translation>
    </message>
    <message>
        <source>Record an interview</source>
        <translation>登记约谈</translation>
    </message>
    <message>
        <source>Way *</source>
        <translation>约谈方式 *</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>约谈方式</translation>
    </message>
    <message>
        <source>When *</source>
        <translation>时间 *</translation>
    </message>
    <message>
        <source>Result *</source>
        <translation>结果 *</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>KeepPlaqueDialog</name>
    <message>
        <source>Keep the plaque after a review</source>
        <translation>复核后保留牌匾</translation>
    </message>
    <message>
        <source>e.g. 经核查，该案受害人户籍已迁出，不影响本社区创建成果。</source>
        <translation>例如：经核查，该案受害人户籍已迁出，不影响本社区创建成果。</translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation>复核日期</translation>
    </message>
    <message>
        <source>What the review found</source>
        <translation>复核结论</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Belongs to</source>
        <translation>上级辖区</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Suspected fraud</source>
        <translation>疑似诈骗类型</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>预警编号</translation>
    </message>
    <message>
        <source>Amount at risk</source>
        <translation>涉案金额</translation>
    </message>
    <message>
        <source>Amount protected</source>
        <translation>挽回金额</translation>
    </message>
    <message>
        <source>Amount lost</source>
        <translation>被骗金额</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Headcount</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>面向人群</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>宣传内容</translation>
    </message>
    <message>
        <source>Venue kind</source>
        <translation>宣传类型</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作单位</translation>
    </message>
    <message>
        <source>Co-organisers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>负责民警</translation>
    </message>
    <message>
        <source>Expected headcount</source>
        <translation>预计人数</translation>
    </message>
    <message>
        <source>Handouts given</source>
        <translation>发放宣传单</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>预警来源</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>Signed for</source>
        <translation>签收时间</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Stop-payment amount</source>
        <translation>止付金额</translation>
    </message>
    <message>
        <source>Way of contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Exported</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Shown in full</source>
        <translation>查看完整信息</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>High risk (by rule)</source>
        <translation>高危（按规则）</translation>
    </message>
    <message>
        <source>Elderly</source>
        <translation>老年人</translation>
    </message>
    <message>
        <source>Lives alone</source>
        <translation>独居</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>学生</translation>
    </message>
    <message>
        <source>Defrauded before</source>
        <translation>曾被骗</translation>
    </message>
    <message>
        <source>Family alerted</source>
        <translation>已告知家属</translation>
    </message>
</context>
<context>
    <name>LaptopsDialog</name>
    <message>
        <source>Laptops</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>最近数据包</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>数据包数</translation>
    </message>
    <message>
        <source>Residents held</source>
        <translation>存有群众数</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>笔记本编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Show in full…</source>
        <translation>显示完整信息…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>本机</translation>
    </message>
    <message numerus="yes">
        <source>%n resident(s) whose data this laptop held.</source>
        <translation>
            <numerusform>这台笔记本上存有 %n 名群众的资料。</numerusform>
        </translation>
    </message>
    <message>
        <source>The first {count} entered are shown.</source>
        <translation>只显示最先录入的 {count} 名。</translation>
    </message>
    <message>
        <source>Show in full</source>
        <translation>显示完整信息</translation>
    </message>
</context>
<context>
    <name>ListingDialog</name>
    <message>
        <source>Correct the card seller</source>
        <translation>更正涉两卡人员信息</translation>
    </message>
    <message>
        <source>New card seller</source>
        <translation>新增涉两卡人员</translation>
    </message>
    <message>
        <source>e.g. 中国农业银行 or 中国移动</source>
        <translation>如 中国农业银行 或 中国移动</translation>
    </message>
    <message>
        <source>a partner outlet, or type the outlet</source>
        <translation>选择合作网点，或直接输入网点</translation>
    </message>
    <message>
        <source>Resident&apos;s name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>社区（村）</translation>
    </message>
    <message>
        <source>Already on record?</source>
        <translation>已有记录？</translation>
    </message>
    <message>
        <source>Card kind *</source>
        <translation>卡种 *</translation>
    </message>
    <message>
        <source>How many</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Bank or operator</source>
        <translation>开户行或运营商</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>开户网点</translation>
    </message>
    <message>
        <source>Opened locally</source>
        <translation>本地开户</translation>
    </message>
    <message>
        <source>How it happened</source>
        <translation>涉卡方式</translation>
    </message>
    <message>
        <source>Lead from *</source>
        <translation>线索来源 *</translation>
    </message>
    <message>
        <source>Listed on *</source>
        <translation>列管日期 *</translation>
    </message>
    <message>
        <source>Reference number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>责任民警</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Another person: a new resident</source>
        <translation>另一人：新建居民</translation>
    </message>
    <message>
        <source>same ID number</source>
        <translation>身份证号相同</translation>
    </message>
    <message>
        <source>same mobile</source>
        <translation>手机号相同</translation>
    </message>
    <message>
        <source>{name} · {mobile} · {reason}</source>
        <translation>{name} · {mobile} · {reason}</translation>
    </message>
    <message>
        <source>Details of the person abroad</source>
        <translation>滞留境外人员详情</translation>
    </message>
    <message>
        <source>List a person abroad</source>
        <translation>列管滞留境外人员</translation>
    </message>
    <message>
        <source>e.g. 2026-11-05, may stay empty</source>
        <translation>如 2026-11-05，可不填</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>姓名 *</translation>
    </message>
    <message>
        <source>Abroad in *</source>
        <translation>滞留地 *</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>出境日期</translation>
    </message>
    <message>
        <source>How they left</source>
        <translation>出境方式</translation>
    </message>
    <message>
        <source>Category *</source>
        <translation>人员类别 *</translation>
    </message>
    <message>
        <source>List</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>Notice deadline</source>
        <translation>通告期限</translation>
    </message>
    <message>
        <source>Registered in (community)</source>
        <translation>户籍地（村/社区）</translation>
    </message>
    <message>
        <source>Lived in before leaving</source>
        <translation>出境前居住地</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>家属姓名</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Family phone</source>
        <translation>家属电话</translation>
    </message>
    <message>
        <source>County leader</source>
        <translation>县级包联领导</translation>
    </message>
    <message>
        <source>Township leader</source>
        <translation>乡镇包联干部</translation>
    </message>
    <message>
        <source>Station officer</source>
        <translation>派出所民警</translation>
    </message>
    <message>
        <source>Village secretary</source>
        <translation>村（社区）书记</translation>
    </message>
    <message>
        <source>Open that entry</source>
        <translation>打开该记录</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>on record: {masked}</source>
        <translation>已登记：{masked}</translation>
    </message>
    <message>
        <source>A new resident</source>
        <translation>新建居民</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;demo database</source>
        <translation>打开演示数据库(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About Outreach Desk</source>
        <translation>关于反诈工作台(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Return persuasion</source>
        <translation>劝返</translation>
    </message>
    <message>
        <source>Card sellers</source>
        <translation>两卡人员</translation>
    </message>
    <message>
        <source>Fraud-free communities</source>
        <translation>无诈社区</translation>
    </message>
    <message>
        <source>Areas &amp; people</source>
        <translation>辖区与人员</translation>
    </message>
    <message>
        <source>Outreach talks</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>No warning is open to log a call for.</source>
        <translation>没有待处置的预警，无法登记联系。</translation>
    </message>
    <message>
        <source>Nothing to print here yet: choose a record.</source>
        <translation>这里还没有可打印的内容：请先选择一条记录。</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Audit &amp;log…</source>
        <translation>审计日志(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Export a package…</source>
        <translation>导出数据包(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Merge a package…</source>
        <translation>合并数据包(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Conflicts to decide…</source>
        <translation>待决定的冲突(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Laptops…</source>
        <translation>笔记本(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Duplicate residents…</source>
        <translation>重复录入的群众(&amp;D)…</translation>
    </message>
    <message>
        <source>Exchange &amp;key…</source>
        <translation>交换密钥(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;New warning…</source>
        <translation>新建预警(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Log a call or visit…</source>
        <translation>登记电话或上门(&amp;L)…</translation>
    </message>
    <message>
        <source>New &amp;talk…</source>
        <translation>新建宣传活动(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Work</source>
        <translation>工作(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>E&amp;xchange</source>
        <translation>数据交换(&amp;X)</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>统计简报</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警劝阻</translation>
    </message>
    <message>
        <source>Search names, mobiles…</source>
        <translation>搜索姓名、手机号…</translation>
    </message>
    <message>
        <source>Residents, warnings and talks: a name, a mobile or ID fragment, an address, a reference number or a talk&apos;s title</source>
        <translation>群众、预警和宣传活动：姓名、手机号或身份证号的一部分、住址、预警编号或活动名称</translation>
    </message>
    <message>
        <source>Counts unavailable</source>
        <translation>无法统计记录数</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>数据库：{path}</translation>
    </message>
    <message>
        <source>Counting records…</source>
        <translation>正在统计记录…</translation>
    </message>
    <message>
        <source>{areas} areas · {officers} officers · {residents} residents · {warnings} warnings · {talks} talks</source>
        <translation>辖区 {areas} 个 · 人员 {officers} 名 · 居民 {residents} 人 · 预警 {warnings} 条 · 宣传活动 {talks} 场</translation>
    </message>
    <message>
        <source>Last backup: {when}</source>
        <translation>上次备份：{when}</translation>
    </message>
    <message>
        <source>Last backup: none yet</source>
        <translation>上次备份：尚未备份</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
    <message>
        <source>Open or create a database</source>
        <translation>打开或新建数据库</translation>
    </message>
    <message>
        <source>Outreach Desk database (*.sqlite3)</source>
        <translation>反诈工作台数据库 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Open demo database</source>
        <translation>打开演示数据库</translation>
    </message>
    <message>
        <source>Making the demo database…</source>
        <translation>正在生成演示数据库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Merge a package</source>
        <translation>合并数据包</translation>
    </message>
    <message>
        <source>Exchange package (*.odpkg)</source>
        <translation>数据交换包 (*.odpkg)</translation>
    </message>
    <message>
        <source>Checking the database…</source>
        <translation>正在检查数据库……</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库……</translation>
    </message>
    <message>
        <source>Backing up… {percent}%</source>
        <translation>正在备份……{percent}%</translation>
    </message>
    <message>
        <source>Rewriting the database file…</source>
        <translation>正在重写数据库文件……</translation>
    </message>
    <message>
        <source>Leftover files</source>
        <translation>遗留文件</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Outreach Desk backup (*.sqlite3)</source>
        <translation>反诈工作台备份 (*.sqlite3)</translation>
    </message>
    <message>
        <source>Replace the database with the backup {name}? Everything entered since that backup will no longer be shown; the current file is kept beside it as “….replaced-&lt;time&gt;”.</source>
        <translation>用备份 {name} 替换当前数据库？该备份之后录入的内容将不再显示；当前文件会保留在旁边，文件名为“….replaced-&lt;时间&gt;”。</translation>
    </message>
</context>
<context>
    <name>MeasureDialog</name>
    <message>
        <source>Lift a measure</source>
        <translation>解除措施</translation>
    </message>
    <message>
        <source>Tick a measure</source>
        <translation>登记措施</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>原因 *</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Taken by</source>
        <translation>经办民警</translation>
    </message>
</context>
<context>
    <name>MergePackageDialog</name>
    <message>
        <source>Merge a package</source>
        <translation>合并数据包</translation>
    </message>
    <message>
        <source>Checking {name}…</source>
        <translation>正在检查 {name}……</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Kept (later change)</source>
        <translation>保留（较晚的修改）</translation>
    </message>
    <message>
        <source>Other laptop&apos;s value</source>
        <translation>另一台笔记本的值</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>a laptop with no station name</source>
        <translation>未填派出所名称的笔记本</translation>
    </message>
    <message>
        <source>From {station}, made {at} (laptop {device}).</source>
        <translation>来自 {station}，生成于 {at}（笔记本 {device}）。</translation>
    </message>
    <message>
        <source>This package was merged on {at}; merging it again changes nothing.</source>
        <translation>这个数据包已于 {at} 合并过，再合并不会有任何改变。</translation>
    </message>
    <message>
        <source>Packages from this laptop seem to be missing in between: records may refer to ones this database has not received. Ask that laptop for a full package if the merge is refused.</source>
        <translation>这台笔记本的数据包中间似乎有缺失：记录可能引用了本数据库尚未收到的记录。如合并被拒绝，请那台笔记本发一个完整数据包。</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) already the same here</source>
        <translation>
            <numerusform>另有 %n 条记录与本机相同</numerusform>
        </translation>
    </message>
    <message>
        <source>The package holds no records.</source>
        <translation>数据包中没有记录。</translation>
    </message>
    <message numerus="yes">
        <source>%n field(s) were changed on both sides since the last exchange. The later change is kept; the other value is listed under Exchange › Conflicts for a person to decide.</source>
        <translation>
            <numerusform>自上次交换以来，有 %n 个字段两边都改过。保留较晚的修改；另一个值列在“数据交换 › 待决定的冲突”中，由人工决定。</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>已合并</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <source>Edit officer</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New officer</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>e.g. 金城江派出所</source>
        <translation>例如：金城江派出所</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <source>Record the talk&apos;s outcome</source>
        <translation>登记活动结果</translation>
    </message>
    <message>
        <source>people who attended</source>
        <translation>实际参加人数</translation>
    </message>
    <message>
        <source>1,000 or more attendees count as a large talk.</source>
        <translation>参加人数达 1000 人及以上的，计为千人以上宣讲。</translation>
    </message>
    <message>
        <source> copies</source>
        <translation> 份</translation>
    </message>
    <message>
        <source>Add sign-in sheet photos…</source>
        <translation>添加签到表照片…</translation>
    </message>
    <message>
        <source>Add talk photos…</source>
        <translation>添加活动照片…</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>参加人数</translation>
    </message>
    <message>
        <source>Handouts given</source>
        <translation>发放宣传单</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标记为已完成</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp *.heic)</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>活动现场</translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <source>Edit partner</source>
        <translation>编辑合作单位</translation>
    </message>
    <message>
        <source>New partner</source>
        <translation>新增合作单位</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>With a password, Outreach Desk asks for it when it starts and after the laptop has not been used for a while. Only a scrambled form of it is kept. If the password is lost, only the recovery code shown next opens the program: there is no other way back. Write the code down and keep it apart from the laptop.</source>
        <translation>设置密码后，反诈工作台在启动时和电脑一段时间无人使用后都会要求输入密码。程序只保存密码经过不可逆处理后的形式。密码一旦遗失，只有接下来显示的恢复码能打开程序，没有其他办法。请把恢复码抄下来，和电脑分开保管。</translation>
    </message>
    <message>
        <source>The database file and its backups are encrypted with it: a copy taken off the laptop cannot be read without the password or the code.</source>
        <translation>数据库文件及其备份都会用它加密：拷出电脑的副本没有密码或恢复码无法读取。</translation>
    </message>
    <message>
        <source>Print the recovery code…</source>
        <translation>打印恢复码…</translation>
    </message>
    <message>
        <source>Remove the password</source>
        <translation>取消密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>再输一次</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>无操作多久后锁定</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
    <message>
        <source>Password set. Write the recovery code down now; it is not shown again.</source>
        <translation>密码已设置。请现在抄下恢复码，它不会再次显示。</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Blank rows</source>
        <translation>空白行数</translation>
    </message>
    <message>
        <source>It names the resident in full, as it is handed to them: each time it is made, this is written to the audit log. Phone, ID number and address stay masked.</source>
        <translation>告知书交当事人本人，写明其全名：每次生成都记入审计日志。电话、身份证号和住址仍脱敏。</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Save as Word…</source>
        <translation>另存为 Word…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Building the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <source>The document could not be built: {reason}</source>
        <translation>无法生成文档：{reason}</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>Save as Word</source>
        <translation>另存为 Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Word 文档 (*.docx)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Sign-in sheet — {title}</source>
        <translation>签到表——{title}</translation>
    </message>
    <message>
        <source>Handout — {title}</source>
        <translation>宣传单——{title}</translation>
    </message>
    <message>
        <source>Schedule of talks {first} – {last}</source>
        <translation>活动安排表 {first} 至 {last}</translation>
    </message>
    <message>
        <source>Interview record</source>
        <translation>约谈训诫笔录</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>承诺书</translation>
    </message>
    <message>
        <source>Register of card sellers</source>
        <translation>涉“两卡”人员登记台账</translation>
    </message>
    <message>
        <source>Ledger of persons abroad</source>
        <translation>劝返工作台账</translation>
    </message>
    <message>
        <source>Notice to the family</source>
        <translation>劝返告知书</translation>
    </message>
    <message>
        <source>Board of persons abroad</source>
        <translation>劝返挂图</translation>
    </message>
    <message>
        <source>Door-to-door tally sheet</source>
        <translation>入户走访登记表</translation>
    </message>
    <message>
        <source>Board of fraud-free communities</source>
        <translation>无诈社区创建挂图</translation>
    </message>
    <message>
        <source>Trend of fraud-free communities</source>
        <translation>无诈社区创建趋势</translation>
    </message>
    <message>
        <source>Assessment sheets</source>
        <translation>无诈社区创建验收表</translation>
    </message>
    <message>
        <source>Dissuasion notice</source>
        <translation>劝阻告知书</translation>
    </message>
    <message>
        <source>By expected attendance</source>
        <translation>按预计人数</translation>
    </message>
    <message>
        <source>Case record</source>
        <translation>预警处置记录</translation>
    </message>
    <message>
        <source>Work briefing {first} – {last}</source>
        <translation>工作简报 {first} – {last}</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
</context>
<context>
    <name>RecordTableTab</name>
    <message>
        <source>Filter by name, number, unit or area</source>
        <translation>按名称、号码、单位或辖区筛选</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <source>Show retired</source>
        <translation>显示已停用</translation>
    </message>
    <message>
        <source>Show full details</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Phone numbers and contact people are masked; showing them is logged.</source>
        <translation>电话号码和联系人默认脱敏显示；显示完整信息会记入审计日志。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>身份</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>所属单位</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>{name} (retired)</source>
        <translation>{name}（已停用）</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>显示 %n 条记录</numerusform>
        </translation>
    </message>
    <message>
        <source>Retire {name}? It leaves the lists, but its history stays and it can be restored.</source>
        <translation>确定停用“{name}”？停用后将不再显示在列表中，但历史记录会保留，之后可以恢复。</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Show full…</source>
        <translation>显示完整信息…</translation>
    </message>
    <message>
        <source>Shows the full name, mobile, ID number and address; the reason is logged.</source>
        <translation>显示完整的姓名、手机号、身份证号和住址；查看理由将记入日志。</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>更正…</translation>
    </message>
    <message>
        <source>Record a step…</source>
        <translation>登记进度…</translation>
    </message>
    <message>
        <source>Close or hand over…</source>
        <translation>销账或移交…</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>约谈记录</translation>
    </message>
    <message>
        <source>Record an interview…</source>
        <translation>登记约谈…</translation>
    </message>
    <message>
        <source>Correct interview…</source>
        <translation>更正约谈…</translation>
    </message>
    <message>
        <source>Print interview record…</source>
        <translation>打印约谈笔录…</translation>
    </message>
    <message>
        <source>The record of the chosen interview (else the latest) for the resident to sign</source>
        <translation>所选约谈（未选则最近一次）的笔录，供本人签字</translation>
    </message>
    <message>
        <source>Print pledge…</source>
        <translation>打印承诺书…</translation>
    </message>
    <message>
        <source>Choose a card seller in the register.</source>
        <translation>请在台账中选择一名涉两卡人员。</translation>
    </message>
    <message>
        <source>{way}: {result}</source>
        <translation>{way}：{result}</translation>
    </message>
    <message>
        <source>opened locally: not known</source>
        <translation>是否本地开户：不详</translation>
    </message>
    <message>
        <source>opened locally</source>
        <translation>本地开户</translation>
    </message>
    <message>
        <source>opened elsewhere</source>
        <translation>外地开户</translation>
    </message>
    <message>
        <source>{kind} × {count}</source>
        <translation>{kind}×{count}</translation>
    </message>
    <message>
        <source>How: {manner} · lead: {source}</source>
        <translation>涉卡方式：{manner} · 线索来源：{source}</translation>
    </message>
    <message>
        <source>Listed on {day}</source>
        <translation>{day}列管</translation>
    </message>
    <message>
        <source>reported to {whom}</source>
        <translation>报送{whom}</translation>
    </message>
    <message>
        <source>to {whom}</source>
        <translation>移交{whom}</translation>
    </message>
    <message>
        <source>reason: {reason}</source>
        <translation>原因：{reason}</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>办理进度</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Month</source>
        <translation>按月</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>按季度</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>按年</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>自定义时段</translation>
    </message>
    <message>
        <source>everything on record</source>
        <translation>全部辖区</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>地区</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>排名指标</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Briefing…</source>
        <translation>工作简报…</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Campaign counts…</source>
        <translation>宣传投放登记…</translation>
    </message>
    <message>
        <source>Ledgers</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Print the persons abroad&apos;s ledger or board, the card sellers&apos; register, or the fraud-free communities&apos; board, assessment sheet or door-to-door tally sheet of the area chosen</source>
        <translation>打印所选地区的劝返工作台账或挂图、涉“两卡”人员登记台账，或无诈社区创建挂图、创建验收表、入户走访登记表</translation>
    </message>
    <message>
        <source>Enter text messages, calls, posters and WeChat posts per area and day</source>
        <translation>按地区、按日登记预警短信、预警电话、宣传海报和微信推送数量</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Ranking</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Coverage board</source>
        <translation>宣传覆盖挂图</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>口径</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>名次</translation>
    </message>
    <message>
        <source>over areas</source>
        <translation>按辖区</translation>
    </message>
    <message>
        <source>over stations</source>
        <translation>按派出所</translation>
    </message>
    <message>
        <source>over laptops</source>
        <translation>按笔记本</translation>
    </message>
    <message>
        <source>every laptop</source>
        <translation>全部笔记本</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>派出所：{name}</translation>
    </message>
    <message>
        <source>Laptop: {name}</source>
        <translation>笔记本：{name}</translation>
    </message>
    <message>
        <source>Month </source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Q</source>
        <translation>季度：</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>{first} 至 {last}</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>笔记本</translation>
    </message>
    <message>
        <source>No talk held here this month</source>
        <translation>当月未在此开展宣传活动</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
</context>
<context>
    <name>ReturnBoard</name>
    <message>
        <source>Closed off {closed} / listed {listed}</source>
        <translation>销账 {closed} / 列管 {listed}</translation>
    </message>
    <message>
        <source>Board of</source>
        <translation>挂图范围</translation>
    </message>
    <message>
        <source>every county</source>
        <translation>全部县（区）</translation>
    </message>
    <message>
        <source>Print board…</source>
        <translation>打印挂图…</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <source>Click a count to see the names behind it.</source>
        <translation>点击数字，查看对应人员名单。</translation>
    </message>
    <message>
        <source>Both places manage a person: one registered in one area and living in another counts in both rows, and once in the total, so the rows may add up to more.</source>
        <translation>注：户籍地和流入地双管双控，户籍地和居住地不同的人员分别计入两地，合计中只计一次，故各地之和可能大于合计。</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>辖区</translation>
    </message>
    <message>
        <source>Closed off / on record</source>
        <translation>销账 / 在册</translation>
    </message>
    <message>
        <source>Total ({area})</source>
        <translation>合计（{area}）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>every step</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <source>{area}, {step}:</source>
        <translation>{area}，{step}：</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>ReturnCaseView</name>
    <message>
        <source>Show full…</source>
        <translation>显示完整信息…</translation>
    </message>
    <message>
        <source>Shows the name, ID number, mobile and family in full; the reason is logged.</source>
        <translation>显示完整的姓名、身份证号、手机号和家属信息；查看原因将记入日志。</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>详情…</translation>
    </message>
    <message>
        <source>Record a step…</source>
        <translation>登记进展…</translation>
    </message>
    <message>
        <source>Close off…</source>
        <translation>销账…</translation>
    </message>
    <message>
        <source>Log a contact…</source>
        <translation>登记联系…</translation>
    </message>
    <message>
        <source>Correct the chosen contact…</source>
        <translation>更正所选联系…</translation>
    </message>
    <message>
        <source>Tick a measure…</source>
        <translation>登记措施…</translation>
    </message>
    <message>
        <source>Lift a measure…</source>
        <translation>解除措施…</translation>
    </message>
    <message>
        <source>Print notice…</source>
        <translation>打印告知书…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系记录</translation>
    </message>
    <message>
        <source>Choose a person in the ledger.</source>
        <translation>请在台账中选择人员。</translation>
    </message>
    <message>
        <source>{party}, {way}: {result}</source>
        <translation>{party}，{way}：{result}</translation>
    </message>
    <message>
        <source>Abroad in {place} since {left} ({departure}) · {category} · {source}</source>
        <translation>滞留{place}，出境日期 {left}（{departure}）· {category} · {source}</translation>
    </message>
    <message>
        <source>Registered: {path}</source>
        <translation>户籍地：{path}</translation>
    </message>
    <message>
        <source>Lived in: {path}</source>
        <translation>居住地：{path}</translation>
    </message>
    <message>
        <source>List {list}, listed {listed}, return by {deadline}</source>
        <translation>名单 {list}，{listed} 列管，限 {deadline} 前回国</translation>
    </message>
    <message>
        <source>(none given)</source>
        <translation>（未填）</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>劝返进展</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>四包一责任人</translation>
    </message>
    <message>
        <source>County</source>
        <translation>县级</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Station officer</source>
        <translation>派出所民警</translation>
    </message>
    <message>
        <source>Village secretary</source>
        <translation>村（社区）书记</translation>
    </message>
    <message>
        <source>Family: {name} ({relation}) {phone}</source>
        <translation>家属：{name}（{relation}）{phone}</translation>
    </message>
    <message>
        <source>{measure} {day} by {officer}</source>
        <translation>{measure} {day}（{officer}）</translation>
    </message>
    <message>
        <source>Measures: {measures}</source>
        <translation>措施：{measures}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>until {day}</source>
        <translation>至 {day}</translation>
    </message>
    <message>
        <source>{step} ({detail})</source>
        <translation>{step}（{detail}）</translation>
    </message>
</context>
<context>
    <name>ReturnLedger</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Registered in</source>
        <translation>户籍地</translation>
    </message>
    <message>
        <source>Abroad in</source>
        <translation>滞留地</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Days listed</source>
        <translation>列管天数</translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation>最近联系</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>通告期限</translation>
    </message>
    <message>
        <source>Station officer</source>
        <translation>责任民警</translation>
    </message>
</context>
<context>
    <name>ReturnsPage</name>
    <message>
        <source>On record</source>
        <translation>在册</translation>
    </message>
    <message>
        <source>Closed off</source>
        <translation>已销账</translation>
    </message>
    <message>
        <source>Every entry</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>List a person…</source>
        <translation>列管人员…</translation>
    </message>
    <message>
        <source>Ledger settings</source>
        <translation>台账设置</translation>
    </message>
    <message>
        <source>Notice deadline of a list…</source>
        <translation>名单通告期限…</translation>
    </message>
    <message>
        <source>Add a place abroad…</source>
        <translation>添加滞留地…</translation>
    </message>
    <message>
        <source>Family contact rhythm…</source>
        <translation>家属联系周期…</translation>
    </message>
    <message>
        <source>every area</source>
        <translation>全部辖区</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>仅看超期</translation>
    </message>
    <message>
        <source>Not yet returned, and past the notice deadline or the family not contacted within the contact rhythm.</source>
        <translation>尚未回国，且已过通告期限或未按联系周期联系家属。</translation>
    </message>
    <message>
        <source>Print ledger…</source>
        <translation>打印台账…</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Board</source>
        <translation>挂图</translation>
    </message>
    <message>
        <source>Every step</source>
        <translation>全部环节</translation>
    </message>
    <message>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <source>{tally} · {late} overdue · {shown} shown</source>
        <translation>{tally} · 超期 {late} 人 · 显示 {shown} 人</translation>
    </message>
    <message>
        <source>Listed: everyone ever put on the ledger here, those closed off too. Overdue: not back, and past the notice deadline or the family not contacted within the rhythm (the figure “Past the deadline, not returned” counts the deadline only).</source>
        <translation>列管：在本辖区列管过的全部人员，含已销账的。超期：尚未回国，且已过通告期限或超过联系周期未联系家属（指标“超期未归”只计已过通告期限的）。</translation>
    </message>
    <message>
        <source>Add a place abroad</source>
        <translation>添加滞留地</translation>
    </message>
    <message>
        <source>Name of the place:</source>
        <translation>地点名称：</translation>
    </message>
    <message>
        <source>Family contact rhythm</source>
        <translation>家属联系周期</translation>
    </message>
    <message>
        <source>Contact the family at least every how many days?</source>
        <translation>至少每隔多少天联系一次家属？</translation>
    </message>
</context>
<context>
    <name>Reveal</name>
    <message>
        <source>Show full details</source>
        <translation>显示完整信息</translation>
    </message>
    <message>
        <source>Why are the full details needed? (written to the log)</source>
        <translation>为什么需要查看完整信息？（将记入日志）</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Found</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Area / venue</source>
        <translation>地区 / 地点</translation>
    </message>
    <message>
        <source>Date / cases</source>
        <translation>日期 / 预警数</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在搜索……</translation>
    </message>
    <message>
        <source>Bringing the search index up to date: {done} of {total} records…</source>
        <translation>正在更新检索索引：已处理 {done} 条，共 {total} 条…</translation>
    </message>
    <message>
        <source>Type a name, an address or a title; a resident&apos;s whole mobile or ID number, or its last four digits. Searches with digits are logged.</source>
        <translation>输入姓名、住址或活动名称；查找群众请输入完整的手机号或身份证号，或其后四位。含数字的搜索会记入审计日志。</translation>
    </message>
    <message>
        <source>Nothing found for “{text}”.</source>
        <translation>没有找到“{text}”。</translation>
    </message>
    <message>
        <source>Found for “{text}” (at most 20 of each kind):</source>
        <translation>“{text}”的搜索结果（每类最多 20 条）：</translation>
    </message>
    <message numerus="yes">
        <source>Residents (%n)</source>
        <translation>
            <numerusform>群众（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>预警（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Talks (%n)</source>
        <translation>
            <numerusform>宣传活动（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Persons abroad (%n)</source>
        <translation>
            <numerusform>滞留境外人员（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Card sellers (%n)</source>
        <translation>
            <numerusform>涉两卡人员（%n）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Communities (%n)</source>
        <translation>
            <numerusform>村（社区）（%n）</numerusform>
        </translation>
    </message>
    <message>
        <source>aged {age}</source>
        <translation>{age}岁</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 条预警</numerusform>
        </translation>
    </message>
    <message>
        <source>Fraud-free: {status}</source>
        <translation>无诈社区：{status}</translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SelfTest</name>
    <message>
        <source>Bundled resources (font, translations, icons, handouts)</source>
        <translation>随附资源（字体、翻译、图标、宣传单文字）</translation>
    </message>
    <message>
        <source>Database: write a record and read it back</source>
        <translation>数据库：写入一条记录并读回</translation>
    </message>
    <message>
        <source>PDF with the embedded Chinese font, read back</source>
        <translation>嵌入中文字体的 PDF，并读回文字</translation>
    </message>
    <message>
        <source>Word document written and read back</source>
        <translation>写入并读回 Word 文档</translation>
    </message>
    <message>
        <source>Main window, offscreen</source>
        <translation>主窗口（不显示）</translation>
    </message>
    <message>
        <source>The screen&apos;s own platform (the window as it opens)</source>
        <translation>本机屏幕的显示平台（窗口实际打开的方式）</translation>
    </message>
</context>
<context>
    <name>SeriesDialog</name>
    <message>
        <source>Repeat the talk as a series</source>
        <translation>按周期重复活动</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>每周一次</translation>
    </message>
    <message>
        <source>Every two weeks</source>
        <translation>每两周一次</translation>
    </message>
    <message>
        <source>Monthly, same weekday (e.g. 2nd Tuesday)</source>
        <translation>每月同一周的同一天（如每月第二个星期二）</translation>
    </message>
    <message>
        <source> talks</source>
        <translation> 场</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>重复方式</translation>
    </message>
    <message>
        <source>How many (this one included)</source>
        <translation>共几场（含本场）</translation>
    </message>
    <message>
        <source>New talks:</source>
        <translation>将新建的活动：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>大</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>较大</translation>
    </message>
    <message>
        <source>Largest</source>
        <translation>特大</translation>
    </message>
    <message>
        <source>The size of every text on screen; printouts keep theirs</source>
        <translation>屏幕上所有文字的大小；打印件不变</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>e.g. 河池市公安局金城江分局金城江派出所</source>
        <translation>例如：河池市公安局金城江分局金城江派出所</translation>
    </message>
    <message>
        <source>Beijing time (Asia/Shanghai)</source>
        <translation>北京时间（Asia/Shanghai）</translation>
    </message>
    <message>
        <source>Xinjiang time (Asia/Urumqi)</source>
        <translation>新疆时间（Asia/Urumqi）</translation>
    </message>
    <message>
        <source>Times are typed, imported, shown and printed in this zone, whatever zone this computer&apos;s clock is set to</source>
        <translation>录入、导入、显示和打印的时间都按此时区计算，与本机时钟设置的时区无关</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>首次联系</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>上门</translation>
    </message>
    <message>
        <source>High level</source>
        <translation>高等级</translation>
    </message>
    <message>
        <source>Medium level</source>
        <translation>中等级</translation>
    </message>
    <message>
        <source>Low level</source>
        <translation>低等级</translation>
    </message>
    <message>
        <source>Days after a dissuasion when follow-ups fall due, e.g. 1, 7</source>
        <translation>劝阻成功后第几天回访，例如 1, 7</translation>
    </message>
    <message>
        <source>Back up when the program closes, if anything changed</source>
        <translation>关闭程序时如有改动则自动备份</translation>
    </message>
    <message>
        <source>beside the database ({path})</source>
        <translation>数据库旁边（{path}）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source> daily</source>
        <translation> 份（按日）</translation>
    </message>
    <message>
        <source> weekly</source>
        <translation> 份（按周）</translation>
    </message>
    <message>
        <source> monthly</source>
        <translation> 份（按月）</translation>
    </message>
    <message>
        <source> years</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Clear what is due now</source>
        <translation>立即清除已到期的</translation>
    </message>
    <message>
        <source>Password…</source>
        <translation>密码…</translation>
    </message>
    <message>
        <source>Warn about clashing talks when saving</source>
        <translation>保存活动时提示时间冲突</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <source>Officer using this laptop</source>
        <translation>本机使用人</translation>
    </message>
    <message>
        <source>Station name (printed on documents)</source>
        <translation>派出所名称（打印在文书上）</translation>
    </message>
    <message>
        <source>Station phone (printed on documents)</source>
        <translation>派出所电话（打印在文书上）</translation>
    </message>
    <message>
        <source>Station time zone</source>
        <translation>本所时区</translation>
    </message>
    <message>
        <source>Briefing name</source>
        <translation>简报名称</translation>
    </message>
    <message>
        <source>Issuing unit of the briefing</source>
        <translation>简报编发单位</translation>
    </message>
    <message>
        <source>Briefing reported to (报)</source>
        <translation>简报报送单位（报）</translation>
    </message>
    <message>
        <source>Briefing copied to (送)</source>
        <translation>简报抄送单位（送）</translation>
    </message>
    <message>
        <source>Briefing sent to (发)</source>
        <translation>简报分发单位（发）</translation>
    </message>
    <message>
        <source>Copies of the briefing printed</source>
        <translation>简报印数</translation>
    </message>
    <message>
        <source>Warning time limits</source>
        <translation>预警处置时限</translation>
    </message>
    <message>
        <source>No national figures exist: the values shipped are examples. Set your station&apos;s own; a warning past its limit is marked in the queue.</source>
        <translation>国家没有统一规定，这里的数值只是示例。请设定本所自己的时限；超过时限的预警会在队列中标出。</translation>
    </message>
    <message>
        <source>Follow-ups after a dissuasion (days)</source>
        <translation>劝阻后回访（天）</translation>
    </message>
    <message>
        <source>Talks</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backup folder (another drive is safer)</source>
        <translation>备份文件夹（放在另一块磁盘更安全）</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>保留备份</translation>
    </message>
    <message>
        <source>Keep residents&apos; personal data after a case closes</source>
        <translation>结案后保留群众个人信息</translation>
    </message>
    <message>
        <source>Lock with a password</source>
        <translation>密码锁</translation>
    </message>
    <message numerus="yes">
        <source>Personal data of %n resident(s) cleared.</source>
        <translation>
            <numerusform>已清除 %n 名群众的个人信息。</numerusform>
        </translation>
    </message>
    <message>
        <source>The officer&apos;s name is written in the audit log with every change made on this laptop.</source>
        <translation>在本机所做的每项更改都会连同使用人姓名记入审计日志。</translation>
    </message>
    <message>
        <source>Station and laptop</source>
        <translation>本所与本机</translation>
    </message>
    <message>
        <source>Briefing</source>
        <translation>工作简报</translation>
    </message>
    <message>
        <source>Warnings and talks</source>
        <translation>预警与宣传</translation>
    </message>
    <message>
        <source>Backups and privacy</source>
        <translation>备份与隐私</translation>
    </message>
    <message>
        <source>the station&apos;s name</source>
        <translation>与本所名称相同</translation>
    </message>
    <message>
        <source>e.g. 市公安局反诈中心</source>
        <translation>例如：市公安局反诈中心</translation>
    </message>
    <message>
        <source>e.g. 各派出所、各警务室</source>
        <translation>例如：各派出所、各警务室</translation>
    </message>
    <message>
        <source>Left out of the briefing when empty</source>
        <translation>不填则简报中不印此行</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>不印</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <source>The backup folder cannot be written: {path} ({reason})</source>
        <translation>备份文件夹无法写入：{path}（{reason}）</translation>
    </message>
    <message>
        <source>Station name: {message}</source>
        <translation>派出所名称：{message}</translation>
    </message>
    <message>
        <source>Station phone: {message}</source>
        <translation>派出所电话：{message}</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>This version of Outreach Desk keeps more in the database. It is making a backup of the database and then bringing it up to date; a large database takes a few minutes…</source>
        <translation>新版反诈工作台需要在数据库中保存更多内容。正在先备份数据库，再进行升级；数据库较大时需要几分钟……</translation>
    </message>
    <message>
        <source>The database {path} is already open in Outreach Desk. Switch to that window (or close it first); two programs on one database could overwrite each other&apos;s work.</source>
        <translation>数据库 {path} 已在反诈工作台中打开。请切换到那个窗口（或先关闭它）；两个程序同时使用一个数据库可能互相覆盖。</translation>
    </message>
    <message>
        <source>The database is encrypted: start the program on a screen to enter its password.</source>
        <translation>数据库已加密：请在有屏幕的电脑上启动程序并输入密码。</translation>
    </message>
    <message>
        <source>The program was not closed properly last time; checking the database…</source>
        <translation>上次程序没有正常关闭，正在检查数据库……</translation>
    </message>
    <message>
        <source>The database is damaged. It was moved aside unchanged:
{where}
No good backup was found; ask your county&apos;s technician for help with the damaged file.</source>
        <translation>数据库已损坏，已原样移到：
{where}
没有找到完好的备份，请联系县局技术人员处理损坏的文件。</translation>
    </message>
    <message>
        <source>The database is damaged. It was moved aside unchanged:
{where}
Restore the newest good backup ({backup})? What was entered after it will have to be entered again.</source>
        <translation>数据库已损坏，已原样移到：
{where}
是否恢复最近一次完好的备份（{backup}）？该备份之后录入的内容需要重新录入。</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <source>Your station</source>
        <translation>本单位信息</translation>
    </message>
    <message>
        <source>Every printout names the station that issued it. Tell the program which station this is and who uses this laptop; Settings can change it later.</source>
        <translation>每份打印材料都会写明出具单位。请填写本单位和使用这台电脑的民警，以后可在“设置”中修改。</translation>
    </message>
    <message>
        <source>e.g. 河池市公安局金城江分局金城江派出所</source>
        <translation>例如：河池市公安局金城江分局金城江派出所</translation>
    </message>
    <message>
        <source>Someone not on record yet (type below)</source>
        <translation>尚未登记的人员（在下方填写）</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>the officer&apos;s name</source>
        <translation>民警姓名</translation>
    </message>
    <message>
        <source>badge number (optional)</source>
        <translation>警号（可不填）</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Station phone</source>
        <translation>单位电话</translation>
    </message>
    <message>
        <source>Officer using this laptop</source>
        <translation>使用本机的民警</translation>
    </message>
    <message>
        <source>New officer&apos;s name</source>
        <translation>新登记民警姓名</translation>
    </message>
    <message>
        <source>Badge number</source>
        <translation>警号</translation>
    </message>
    <message>
        <source>Station time zone</source>
        <translation>本单位时区</translation>
    </message>
    <message>
        <source>Later: printouts say the unit is not set, and this is asked again at the next start.</source>
        <translation>选“以后再说”：打印材料上会注明“未设置单位”，下次启动时会再次询问。</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>以后再说</translation>
    </message>
</context>
<context>
    <name>StatusStepDialog</name>
    <message>
        <source>Record a status step</source>
        <translation>记录创建状态</translation>
    </message>
    <message>
        <source>e.g. 县综治中心、县公安局</source>
        <translation>例如：县综治中心、县公安局</translation>
    </message>
    <message>
        <source>only when this is not the next step</source>
        <translation>仅在不是下一步时填写</translation>
    </message>
    <message>
        <source>Now at</source>
        <translation>当前状态</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>变更为</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Awarded by</source>
        <translation>授牌单位</translation>
    </message>
    <message>
        <source>Why withdrawn</source>
        <translation>摘牌原因</translation>
    </message>
    <message>
        <source>Correction reason</source>
        <translation>更正原因</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Close or hand over</source>
        <translation>销账或移交打击</translation>
    </message>
    <message>
        <source>Record a step</source>
        <translation>登记进展</translation>
    </message>
    <message>
        <source>e.g. 县公安局反诈中心</source>
        <translation>如 县公安局反诈中心</translation>
    </message>
    <message>
        <source>why the path goes back (logged)</source>
        <translation>进度回退的原因（记入日志）</translation>
    </message>
    <message>
        <source>Now at</source>
        <translation>当前环节</translation>
    </message>
    <message>
        <source>Step *</source>
        <translation>进度 *</translation>
    </message>
    <message>
        <source>On (its real day) *</source>
        <translation>日期（实际发生日）*</translation>
    </message>
    <message>
        <source>Reported to *</source>
        <translation>报送单位 *</translation>
    </message>
    <message>
        <source>Handed to</source>
        <translation>移交单位</translation>
    </message>
    <message>
        <source>Reason for closing *</source>
        <translation>销账原因 *</translation>
    </message>
    <message>
        <source>Reason for the correction *</source>
        <translation>更正原因 *</translation>
    </message>
    <message>
        <source>e.g. 磨憨口岸</source>
        <translation>如 磨憨口岸</translation>
    </message>
    <message>
        <source>e.g. 2027-02-28</source>
        <translation>如 2027-02-28</translation>
    </message>
    <message>
        <source>(choose the reason)</source>
        <translation>（请选择原因）</translation>
    </message>
    <message>
        <source>only when going back a step</source>
        <translation>仅在退回前一环节时填写</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>联系上</translation>
    </message>
    <message>
        <source>Port of entry</source>
        <translation>入境口岸</translation>
    </message>
    <message>
        <source>Supervision</source>
        <translation>管控方式</translation>
    </message>
    <message>
        <source>Supervision ends</source>
        <translation>管控截止</translation>
    </message>
    <message>
        <source>Reason for closing</source>
        <translation>销账原因</translation>
    </message>
    <message>
        <source>Correction reason</source>
        <translation>更正原因</translation>
    </message>
</context>
<context>
    <name>TagsDialog</name>
    <message>
        <source>Resident&apos;s tags</source>
        <translation>群众标签</translation>
    </message>
    <message>
        <source>Not high-risk (two warnings in twelve months make it so)</source>
        <translation>非高危（十二个月内被预警两次及以上即为高危）</translation>
    </message>
    <message>
        <source>By rule</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>other tags, separated by 、 or commas</source>
        <translation>其他标签，用“、”或逗号分隔</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>TalkDialog</name>
    <message>
        <source>Edit talk</source>
        <translation>编辑宣传活动</translation>
    </message>
    <message>
        <source>New talk</source>
        <translation>新建宣传活动</translation>
    </message>
    <message>
        <source>e.g. 反诈宣传进社区——新建社区</source>
        <translation>例如：反诈宣传进社区——新建社区</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>other bodies, e.g. 社区居委会、农业银行</source>
        <translation>其他协办单位，例如：社区居委会、农业银行</translation>
    </message>
    <message>
        <source>number of people</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Kind of venue</source>
        <translation>场所类型</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>面向人群</translation>
    </message>
    <message>
        <source>Fraud topics</source>
        <translation>宣传的诈骗类型</translation>
    </message>
    <message>
        <source>Organising officer</source>
        <translation>负责民警</translation>
    </message>
    <message>
        <source>Co-organising officers</source>
        <translation>协同人员</translation>
    </message>
    <message>
        <source>Other organisers</source>
        <translation>协办单位</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>合作单位</translation>
    </message>
    <message>
        <source>Expected headcount</source>
        <translation>预计人数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TalksPage</name>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>New talk…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Print and export</source>
        <translation>打印与导出</translation>
    </message>
    <message>
        <source>Print schedule…</source>
        <translation>打印安排表…</translation>
    </message>
    <message>
        <source>The talks of the month or week shown, as a table</source>
        <translation>把当前显示的月或周的活动打印成表格</translation>
    </message>
    <message>
        <source>Export calendar…</source>
        <translation>导出日历…</translation>
    </message>
    <message>
        <source>An .ics file of the period shown, for phone calendars</source>
        <translation>把当前显示时段导出为 .ics 文件，可导入手机日历</translation>
    </message>
    <message>
        <source>Import schedule…</source>
        <translation>导入活动计划…</translation>
    </message>
    <message>
        <source>Search title, venue, notes</source>
        <translation>搜索名称、地点、备注</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部辖区</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All venues</source>
        <translation>全部场所</translation>
    </message>
    <message>
        <source>All audiences</source>
        <translation>全部人群</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>负责民警</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Record outcome…</source>
        <translation>登记结果…</translation>
    </message>
    <message>
        <source>Copy to another date…</source>
        <translation>复制到其他日期…</translation>
    </message>
    <message>
        <source>Repeat as a series…</source>
        <translation>按周期重复…</translation>
    </message>
    <message>
        <source>Print sign-in sheet…</source>
        <translation>打印签到表…</translation>
    </message>
    <message>
        <source>Print handout…</source>
        <translation>打印宣传单…</translation>
    </message>
    <message>
        <source>All officers</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>+%n more</source>
        <translation>还有 %n 场</translation>
    </message>
    <message numerus="yes">
        <source>%n talk(s) in this period</source>
        <translation>
            <numerusform>本期共 %n 场活动</numerusform>
        </translation>
    </message>
    <message>
        <source>Outreach talks</source>
        <translation>宣传活动</translation>
    </message>
    <message>
        <source>Choose a talk to see it here, or double-click a day to plan one.</source>
        <translation>点选一场活动在此查看；双击某一天可新建活动。</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>状态：{status}</translation>
    </message>
    <message>
        <source>Organiser: {name}</source>
        <translation>负责民警：{name}</translation>
    </message>
    <message>
        <source>Audience: {audience}</source>
        <translation>面向人群：{audience}</translation>
    </message>
    <message>
        <source>Topics: {topics}</source>
        <translation>宣传内容：{topics}</translation>
    </message>
    <message>
        <source>Expected: {n}</source>
        <translation>预计人数：{n}</translation>
    </message>
    <message>
        <source>Attended: {n}</source>
        <translation>实际人数：{n}</translation>
    </message>
    <message>
        <source>Large talk (1,000 or more)</source>
        <translation>千人以上宣讲</translation>
    </message>
    <message>
        <source>Handouts given: {n}</source>
        <translation>发放宣传单：{n} 份</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>日历文件 (*.ics)</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>This month so far</source>
        <translation>本月至今</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>正在读取记录…</translation>
    </message>
    <message>
        <source>Urgent warnings</source>
        <translation>紧急预警</translation>
    </message>
    <message>
        <source>Persons abroad overdue</source>
        <translation>劝返逾期事项</translation>
    </message>
    <message>
        <source>Fraud-free communities to review</source>
        <translation>待复核的无诈社区</translation>
    </message>
    <message>
        <source>No warnings on record yet</source>
        <translation>尚无预警记录</translation>
    </message>
    <message>
        <source>No open warnings.</source>
        <translation>没有待处置的预警。</translation>
    </message>
    <message>
        <source>… and {more} more</source>
        <translation>……另有 {more} 条</translation>
    </message>
    <message>
        <source>None overdue.</source>
        <translation>没有逾期回访。</translation>
    </message>
    <message>
        <source>Persons abroad overdue: {count}</source>
        <translation>劝返逾期事项：{count}</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>Next talks</source>
        <translation>近期宣传活动</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待回访</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) in a row with no warned resident defrauded</source>
        <translation>
            <numerusform>已连续 %n 天预警后零被骗</numerusform>
        </translation>
    </message>
    <message>
        <source>Most urgent warnings ({open} open, {late} past their limit)</source>
        <translation>最紧急的预警（待处置 {open} 条，其中超时 {late} 条）</translation>
    </message>
    <message>
        <source>Next talks — today: {today}, rest of this week: {week}</source>
        <translation>近期宣传活动——今天 {today} 场，本周余下 {week} 场</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>No talks planned.</source>
        <translation>近期没有宣传活动安排。</translation>
    </message>
    <message>
        <source>Follow-ups: {today} due today, {overdue} overdue</source>
        <translation>回访：今天到期 {today} 条，逾期 {overdue} 条</translation>
    </message>
    <message>
        <source>None due.</source>
        <translation>没有到期或逾期的回访。</translation>
    </message>
    <message>
        <source>deadline {day} passed</source>
        <translation>已超过{day}劝返期限</translation>
    </message>
    <message>
        <source>family last contacted {day}</source>
        <translation>家属最近联系于{day}</translation>
    </message>
    <message>
        <source>family never contacted</source>
        <translation>从未联系家属</translation>
    </message>
    <message>
        <source>Fraud-free communities to review: {count}</source>
        <translation>待复核的无诈社区：{count}</translation>
    </message>
    <message>
        <source>a resident defrauded after a warning {day}</source>
        <translation>有群众预警后被骗（{day}）</translation>
    </message>
    <message>
        <source>a card seller listed {day}</source>
        <translation>新增涉“两卡”人员（{day}）</translation>
    </message>
    <message>
        <source>a person abroad listed {day}</source>
        <translation>新增滞留境外人员（{day}）</translation>
    </message>
    <message>
        <source>plaque since {day}</source>
        <translation>授牌于 {day}</translation>
    </message>
    <message>
        <source>None to review.</source>
        <translation>没有需要复核的无诈社区。</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer the case</source>
        <translation>移交案件</translation>
    </message>
    <message>
        <source>(the receiving station decides)</source>
        <translation>（由接收单位指派）</translation>
    </message>
    <message>
        <source>(this station)</source>
        <translation>（本所）</translation>
    </message>
    <message>
        <source>e.g. the resident lives in another station&apos;s area</source>
        <translation>例如：当事人住在其他派出所辖区</translation>
    </message>
    <message>
        <source>To officer</source>
        <translation>移交民警</translation>
    </message>
    <message>
        <source>To station</source>
        <translation>移交单位</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>移交原因 *</translation>
    </message>
</context>
<context>
    <name>TrendTab</name>
    <message>
        <source>every area</source>
        <translation>全部辖区</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Outreach Desk is locked</source>
        <translation>反诈工作台已锁定</translation>
    </message>
    <message>
        <source>I lost the password: use the recovery code</source>
        <translation>忘记密码：使用恢复码</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Wait {seconds} s before trying again.</source>
        <translation>请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>That is not right. Wait {seconds} s before trying again.</source>
        <translation>不正确。请等待 {seconds} 秒后再试。</translation>
    </message>
</context>
<context>
    <name>Urgency</name>
    <message>
        <source>Most urgent first: warnings nobody has contacted within their level&apos;s time limit come first, then those not visited within the limit, then those still within their limits, and last those contacted and visited but not yet closed. Within each group, the furthest past its limit comes first (for those within their limits, the nearest to it); then the higher level; then the longest waiting.</source>
        <translation>按紧急程度排列：超过本等级时限仍未联系的预警排在最前，其次是超过时限未上门的，再次是尚在时限内的，最后是已联系、已上门但尚未结案的。同一类中，超过时限最多的在前（尚在时限内的，离时限最近的在前）；其次按等级从高到低；再按等待时间从长到短。</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The ID number is missing. Enter the person&apos;s 18-character resident ID number.</source>
        <translation>缺少身份证号码。请填写本人 18 位居民身份证号码。</translation>
    </message>
    <message>
        <source>The ID number “{value}” was turned into a number by Excel and its last digits are lost. In Excel, format the ID number column as Text, type the ID numbers in again from the original list, and import again.</source>
        <translation>身份证号码“{value}”已被 Excel 转成数字，末几位已丢失。请在 Excel 中将身份证号码列设置为“文本”格式，按原始名单重新录入身份证号码后再导入。</translation>
    </message>
    <message>
        <source>“{value}” is an old 15-digit ID number. Enter the person&apos;s current 18-character ID number as printed on the ID card.</source>
        <translation>“{value}”是旧的 15 位身份证号码。请按身份证上印的号码填写本人现行的 18 位身份证号码。</translation>
    </message>
    <message>
        <source>“{value}” has {length} characters, but a resident ID number has 18 (17 digits, then a digit or X). Compare it with the ID card and re-enter it.</source>
        <translation>“{value}”有 {length} 位，而居民身份证号码应为 18 位（前 17 位为数字，最后一位为数字或 X）。请对照身份证重新填写。</translation>
    </message>
    <message>
        <source>“{value}” contains characters that cannot be in a resident ID number, which is 17 digits followed by a digit or X. Compare it with the ID card and re-enter it.</source>
        <translation>“{value}”含有身份证号码中不应出现的字符（身份证号码为 17 位数字加 1 位数字或 X）。请对照身份证重新填写。</translation>
    </message>
    <message>
        <source>The ID number “{value}” fails the check-digit test, so at least one character is wrong. Compare it with the ID card and re-enter it.</source>
        <translation>身份证号码“{value}”校验位不符，至少有一位填错。请对照身份证重新填写。</translation>
    </message>
    <message>
        <source>The ID number “{value}” contains the birth date {birth}, which is not possible. Compare it with the ID card and re-enter it.</source>
        <translation>身份证号码“{value}”中的出生日期 {birth} 不可能存在。请对照身份证重新填写。</translation>
    </message>
    <message>
        <source>The phone number is missing. Enter an 11-digit mobile number or a landline number with its area code.</source>
        <translation>缺少电话号码。请填写 11 位手机号码，或带区号的固定电话号码。</translation>
    </message>
    <message>
        <source>“{value}” is not a phone number that can be used. Enter an 11-digit mobile number (such as 13812345678) or a landline number with its area code (such as 0778-2281234).</source>
        <translation>“{value}”不是有效的电话号码。请填写 11 位手机号码（如 13812345678），或带区号的固定电话号码（如 0778-2281234）。</translation>
    </message>
    <message>
        <source>The mobile number “{value}” has {count} digits, but a mobile number has 11. Check the number and re-enter it.</source>
        <translation>手机号码“{value}”有 {count} 位，而手机号码应为 11 位。请核对后重新填写。</translation>
    </message>
    <message>
        <source>“{value}” is a service or hotline number, not a person&apos;s own phone. Enter the person&apos;s mobile number or home landline number.</source>
        <translation>“{value}”是服务号码或热线号码，不是本人电话。请填写本人手机号码或家庭固定电话。</translation>
    </message>
    <message>
        <source>The landline number “{value}” has no area code. Enter it with the area code in front, such as 0778-2281234.</source>
        <translation>固定电话号码“{value}”缺少区号。请在号码前加上区号，如 0778-2281234。</translation>
    </message>
    <message>
        <source>“{value}” is a landline number, but a mobile number is needed here. Enter the person&apos;s 11-digit mobile number.</source>
        <translation>“{value}”是固定电话号码，此处需要手机号码。请填写本人 11 位手机号码。</translation>
    </message>
    <message>
        <source>The amount is missing. Enter the amount in yuan, such as 52000 or 5.2万.</source>
        <translation>缺少金额。请以元为单位填写金额，如 52000 或 5.2万。</translation>
    </message>
    <message>
        <source>“{value}” is not an amount of money that can be read. Enter the amount in yuan using digits, such as 52000, 52000.50 or 5.2万.</source>
        <translation>无法识别金额“{value}”。请用数字以元为单位填写，如 52000、52000.50 或 5.2万。</translation>
    </message>
    <message>
        <source>The amount “{value}” is negative. Enter the amount as a positive number of yuan.</source>
        <translation>金额“{value}”为负数。请以元为单位填写正数金额。</translation>
    </message>
    <message>
        <source>The amount “{value}” has more than two decimal places of yuan, which is less than one fen. Round it to the fen and re-enter it.</source>
        <translation>金额“{value}”超过两位小数（不足 1 分）。请四舍五入到分后重新填写。</translation>
    </message>
    <message>
        <source>The amount “{value}” is more than one trillion yuan, which cannot be right. Check the figure and re-enter it.</source>
        <translation>金额“{value}”超过一万亿元，显然有误。请核对后重新填写。</translation>
    </message>
    <message>
        <source>The amount “{value}” is not an exact figure. Check the case record and enter the exact amount in yuan using digits, such as 52000 or 5.2万.</source>
        <translation>金额“{value}”不是确切数字。请核对案件记录，用数字以元为单位填写确切金额，如 52000 或 5.2万。</translation>
    </message>
    <message>
        <source>The date is missing. Enter a date such as 2026-01-05 or 2026年1月5日.</source>
        <translation>缺少日期。请填写日期，如 2026-01-05 或 2026年1月5日。</translation>
    </message>
    <message>
        <source>“{value}” is not a date that can be read. Enter it as year, month, day, such as 2026-01-05 or 2026年1月5日.</source>
        <translation>无法识别日期“{value}”。请按年、月、日填写，如 2026-01-05 或 2026年1月5日。</translation>
    </message>
    <message>
        <source>“{value}” is not a real calendar date. Check the month and the day and re-enter it.</source>
        <translation>日期“{value}”不存在。请核对月份和日期后重新填写。</translation>
    </message>
    <message>
        <source>The date “{value}” is outside the years 1900 to 2100. Check the year and re-enter it.</source>
        <translation>日期“{value}”不在 1900 年至 2100 年之间。请核对年份后重新填写。</translation>
    </message>
    <message>
        <source>“{value}” has a time of day that does not exist. Enter the time from 00:00 to 23:59, such as 2026-01-05 14:30.</source>
        <translation>“{value}”中的时间不存在。请填写 00:00 至 23:59 之间的时间，如 2026-01-05 14:30。</translation>
    </message>
    <message>
        <source>The county (district) is missing.</source>
        <translation>缺少县（区）。</translation>
    </message>
    <message>
        <source>A community needs its township in the same row.</source>
        <translation>村（社区）必须在同一行填写所属乡镇（街道）。</translation>
    </message>
    <message>
        <source>The name is too long (at most 60 characters).</source>
        <translation>名称过长（最多 60 个字）。</translation>
    </message>
    <message>
        <source>The area code {value} must be digits only.</source>
        <translation>区划代码 {value} 只能包含数字。</translation>
    </message>
    <message>
        <source>No area called {value}; add it to the tree first.</source>
        <translation>没有名为“{value}”的辖区，请先在辖区树中添加。</translation>
    </message>
    <message>
        <source>More than one area is called {value} ({choices}); write it with the township above it, such as {example}.</source>
        <translation>有多个辖区都叫 {value}（{choices}），请连同上级乡镇（街道）一起填写，例如：{example}。</translation>
    </message>
    <message>
        <source>Unknown role {value}: write 民警, 辅警 or 网格员.</source>
        <translation>无法识别的身份“{value}”：请填写民警、辅警或网格员。</translation>
    </message>
    <message>
        <source>The same officer is already in row {row}.</source>
        <translation>同一人员已在第 {row} 行出现。</translation>
    </message>
    <message>
        <source>{value} is not a time of day (write it like 09:30).</source>
        <translation>“{value}”不是有效的时间（请写成 09:30 这样的格式）。</translation>
    </message>
    <message>
        <source>No single officer is called {value}: add them under Areas &amp; people first, or write the badge number.</source>
        <translation>找不到唯一一位名叫“{value}”的人员：请先在“辖区与人员”中添加，或改填警号。</translation>
    </message>
    <message>
        <source>The start time is missing.</source>
        <translation>缺少开始时间。</translation>
    </message>
    <message>
        <source>A talk ends on the day it starts, or after midnight if it runs late: {value}</source>
        <translation>活动应在开始当天结束，晚间活动可到次日凌晨结束：{value}</translation>
    </message>
    <message>
        <source>The same talk is already in row {row}.</source>
        <translation>同一场活动已在第 {row} 行出现。</translation>
    </message>
    <message>
        <source>The cell is empty: write one of {words}.</source>
        <translation>此处为空，请填写以下之一：{words}。</translation>
    </message>
    <message>
        <source>Unknown value {value}: write one of {words}.</source>
        <translation>无法识别的值“{value}”：请填写以下之一：{words}。</translation>
    </message>
    <message>
        <source>The same warning is already in row {row}.</source>
        <translation>同一条预警已在第 {row} 行出现。</translation>
    </message>
    <message>
        <source>Rows {row} and {this} name the same person; keep one of the two.</source>
        <translation>第 {row} 行和第 {this} 行是同一人，请只保留其中一行。</translation>
    </message>
    <message>
        <source>This reference number is on the register for another record: check the number. (This look-up is logged.)</source>
        <translation>该编号已用于台账中的另一条记录：请核对编号。（本次查询已记入审计日志。）</translation>
    </message>
    <message>
        <source>This person is already listed; open their record instead of importing them again. (This look-up is logged.)</source>
        <translation>该人员已在册，请打开其记录，勿重复导入。（本次查询已记入审计日志。）</translation>
    </message>
    <message>
        <source>Rows {row} and {this} name the same person for this kind of card; keep one of the two.</source>
        <translation>第 {row} 行和第 {this} 行是同一人的同类卡，请只保留其中一行。</translation>
    </message>
    <message>
        <source>The same visit is already in row {row}.</source>
        <translation>同一走访记录已在第 {row} 行。</translation>
    </message>
    <message>
        <source>The same community is already in row {row}.</source>
        <translation>同一村（社区）已在第 {row} 行。</translation>
    </message>
    <message>
        <source>The same card seller is already in row {row}.</source>
        <translation>同一涉“两卡”人员已在第 {row} 行。</translation>
    </message>
    <message>
        <source>A name is required.</source>
        <translation>请填写名称（姓名）。</translation>
    </message>
    <message>
        <source>{value} looks like a spreadsheet formula, not a name.</source>
        <translation>“{value}”像是表格公式，不是名称。</translation>
    </message>
    <message>
        <source>Unknown area level: {value}</source>
        <translation>无法识别的辖区级别：{value}</translation>
    </message>
    <message>
        <source>A county cannot sit inside another area.</source>
        <translation>县（区）不能隶属于其他辖区。</translation>
    </message>
    <message>
        <source>A township belongs to a county, a community to a township.</source>
        <translation>乡镇（街道）应隶属于县（区），村（社区）应隶属于乡镇（街道）。</translation>
    </message>
    <message>
        <source>{value} already exists at this place in the tree.</source>
        <translation>同一上级下已有“{value}”。</translation>
    </message>
    <message>
        <source>Retire the areas under this one first; nothing was changed.</source>
        <translation>请先停用其下级辖区；本次未作任何更改。</translation>
    </message>
    <message>
        <source>Unknown role {value}: use officer, auxiliary or grid worker.</source>
        <translation>无法识别的身份“{value}”：请选择民警、辅警或网格员。</translation>
    </message>
    <message>
        <source>The badge number {value} may hold only letters and digits.</source>
        <translation>警号 {value} 只能包含字母和数字。</translation>
    </message>
    <message>
        <source>Another officer already has badge number {value}.</source>
        <translation>警号 {value} 已被其他人员使用。</translation>
    </message>
    <message>
        <source>Unknown kind of partner: {value}</source>
        <translation>无法识别的合作单位类型：{value}</translation>
    </message>
    <message>
        <source>Choose an area from the list.</source>
        <translation>请从列表中选择辖区。</translation>
    </message>
    <message>
        <source>The number of people must be a whole number.</source>
        <translation>人数必须是整数。</translation>
    </message>
    <message>
        <source>The number of people must be between 0 and 1,000,000.</source>
        <translation>人数应在 0 到 1,000,000 之间。</translation>
    </message>
    <message>
        <source>A title is required.</source>
        <translation>请填写活动名称。</translation>
    </message>
    <message>
        <source>The talk must end after it starts.</source>
        <translation>结束时间必须晚于开始时间。</translation>
    </message>
    <message>
        <source>Unknown value {value}.</source>
        <translation>无法识别的值：{value}。</translation>
    </message>
    <message>
        <source>The community is retired or unknown; choose a current one.</source>
        <translation>该村（社区）已停用或不存在，请选择现有的村（社区）。</translation>
    </message>
    <message>
        <source>An officer of this talk is retired or unknown.</source>
        <translation>本次活动的某位人员已停用或不存在。</translation>
    </message>
    <message>
        <source>Enter how many people attended.</source>
        <translation>请填写实际参加人数。</translation>
    </message>
    <message>
        <source>The attachment path {value} is not a file inside the attachments folder (attachments/record/file, with forward slashes); nothing is written there.</source>
        <translation>附件路径 {value} 不在附件文件夹内（应为 attachments/记录/文件，使用正斜杠）；不会向该位置写入任何文件。</translation>
    </message>
    <message>
        <source>The file {value} cannot be read.</source>
        <translation>无法读取文件“{value}”。</translation>
    </message>
    <message>
        <source>{value} is not a photo (JPEG, PNG, GIF, BMP, WebP or HEIC).</source>
        <translation>“{value}”不是照片（支持 JPEG、PNG、GIF、BMP、WebP、HEIC）。</translation>
    </message>
    <message>
        <source>{value} is larger than 50 MB.</source>
        <translation>“{value}”超过 50 MB。</translation>
    </message>
    <message>
        <source>{value} is in the future; check the date and time.</source>
        <translation>{value} 晚于现在，请检查日期和时间。</translation>
    </message>
    <message>
        <source>The date {value} is of a step the record has not reached ({status}).</source>
        <translation>日期 {value} 属于该记录尚未到达的步骤（当前：{status}）。</translation>
    </message>
    <message>
        <source>The record is at {status} without its date.</source>
        <translation>该记录处于“{status}”步骤，但缺少该步骤的日期。</translation>
    </message>
    <message>
        <source>Give the name of the place.</source>
        <translation>请填写地点名称。</translation>
    </message>
    <message>
        <source>Contact the family every 1 to 365 days.</source>
        <translation>联系家属的间隔应为 1 至 365 天。</translation>
    </message>
    <message>
        <source>A resident with this ID number or mobile is already on record: link the card seller to them, or confirm this is another person.</source>
        <translation>已有相同身份证号或手机号的群众：请关联到该群众，或确认是另一人。</translation>
    </message>
    <message>
        <source>{value} is before the card seller was listed ({listed_on}).</source>
        <translation>{value} 早于列入名单日期（{listed_on}）。</translation>
    </message>
    <message>
        <source>{value} is in the future; check the date.</source>
        <translation>{value} 是将来的日期，请检查日期。</translation>
    </message>
    <message>
        <source>This resident is already on the register for this kind of card; open that record instead. (This look-up is logged.)</source>
        <translation>该人员已在本类卡的涉“两卡”人员名册中，请打开该记录，勿重复登记。（本次查询已记入审计日志。）</translation>
    </message>
    <message>
        <source>This record is closed: nothing more is logged on it. If it was closed by mistake, correct the closing first (a step back with its reason).</source>
        <translation>该记录已销账，不能再登记约谈。如系误销账，请先更正销账（退回上一步骤并填写更正原因）。</translation>
    </message>
    <message>
        <source>{value} is not a number of cards from 1 to {most}.</source>
        <translation>{value} 不是 1 至 {most} 之间的卡数。</translation>
    </message>
    <message>
        <source>Opened locally is yes, no or not known, not {value}.</source>
        <translation>“是否本地开户”只能填是、否或不详，不能填 {value}。</translation>
    </message>
    <message>
        <source>Choose an outlet on record as a partner.</source>
        <translation>请选择已登记为合作单位的网点。</translation>
    </message>
    <message>
        <source>The listing day {value} is after an interview logged on {at}; correct that interview first.</source>
        <translation>列管日期 {value} 晚于已登记的约谈日期 {at}，请先更正该约谈。</translation>
    </message>
    <message>
        <source>The listing day {value} is after a step already recorded ({step}); correct that step first.</source>
        <translation>列入日期 {value} 晚于已登记的环节（{step}），请先更正该环节。</translation>
    </message>
    <message>
        <source>Going back to an earlier step (or recording this step again) is a correction: give its reason.</source>
        <translation>退回到之前的环节（或重新登记本环节）属于更正，请填写更正原因。</translation>
    </message>
    <message>
        <source>Give the reason for closing.</source>
        <translation>请填写销账原因。</translation>
    </message>
    <message>
        <source>{value} is before the step it follows ({previous}).</source>
        <translation>{value} 早于上一环节的日期（{previous}）。</translation>
    </message>
    <message>
        <source>Name whom the card seller was reported to for the restriction.</source>
        <translation>请填写惩戒报送单位。</translation>
    </message>
    <message>
        <source>Choose a current officer.</source>
        <translation>请选择在职的民警。</translation>
    </message>
    <message>
        <source>Choose an area on record.</source>
        <translation>请选择已登记的辖区。</translation>
    </message>
    <message>
        <source>The notice deadline {value} is before the listing date {listed}; a deadline cannot already have passed when the person is listed.</source>
        <translation>通告期限 {value} 早于列管日期 {listed}；列管时通告期限不能已经过去。</translation>
    </message>
    <message>
        <source>The person cannot have left ({value}) after being listed.</source>
        <translation>出境时间（{value}）不能晚于列管日期。</translation>
    </message>
    <message>
        <source>The return date {value} is before the listing date {listed}.</source>
        <translation>回国日期 {value} 早于列管日期 {listed}。</translation>
    </message>
    <message>
        <source>The date {value} is before the listing date {listed}.</source>
        <translation>日期 {value} 早于列管日期 {listed}。</translation>
    </message>
    <message>
        <source>The chosen resident is not on record.</source>
        <translation>所选居民不在记录中。</translation>
    </message>
    <message>
        <source>This person is already on the ledger of persons abroad; open that entry instead of listing them again. (This look-up is logged.)</source>
        <translation>该人员已在涉诈滞留境外人员台账中，请打开该条目，勿重复列管。（本次查询已记入审计日志。）</translation>
    </message>
    <message>
        <source>The listing day {value} is after a contact logged on {at}; correct that contact first.</source>
        <translation>列管日期 {value} 晚于已登记的联系日期 {at}，请先更正该联系记录。</translation>
    </message>
    <message>
        <source>Name the list.</source>
        <translation>请填写名单批次。</translation>
    </message>
    <message>
        <source>The notice deadline {value} has already passed.</source>
        <translation>通告期限 {value} 已经过去。</translation>
    </message>
    <message>
        <source>Going back from {current} to {wanted} corrects the record: give the reason.</source>
        <translation>从“{current}”退回“{wanted}”属于更正记录，请填写更正原因。</translation>
    </message>
    <message>
        <source>Give the day the supervision ends.</source>
        <translation>请填写管控结束日期。</translation>
    </message>
    <message>
        <source>The supervision cannot end before it starts.</source>
        <translation>管控结束日期不能早于开始日期。</translation>
    </message>
    <message>
        <source>Choose the reason for closing the entry.</source>
        <translation>请选择销账原因。</translation>
    </message>
    <message>
        <source>Record the return before closing the entry as returned.</source>
        <translation>请先登记回国日期，再以回国为由销账。</translation>
    </message>
    <message>
        <source>Give the reason for lifting the measure.</source>
        <translation>请填写解除措施的原因。</translation>
    </message>
    <message>
        <source>This entry is closed: no contact is logged on it. If it was closed by mistake, correct the closing first (a step back with its reason).</source>
        <translation>该条目已销账，不能再登记联系。如系误销账，请先更正销账（退回上一步骤并填写更正原因）。</translation>
    </message>
    <message>
        <source>A contact cannot come before the person was listed ({listed_on}).</source>
        <translation>联系记录不能早于列管日期（{listed_on}）。</translation>
    </message>
    <message>
        <source>A contact cannot come before the warning arrived.</source>
        <translation>接触时间不能早于预警下发时间。</translation>
    </message>
    <message>
        <source>Choose the outcome before closing the case.</source>
        <translation>请先选择处置结果再结案。</translation>
    </message>
    <message>
        <source>Choose a bank outlet on record.</source>
        <translation>请选择已登记的银行网点。</translation>
    </message>
    <message>
        <source>Write down what the follow-up found.</source>
        <translation>请填写回访情况。</translation>
    </message>
    <message>
        <source>Give a reason for showing the full details.</source>
        <translation>请填写查看完整信息的原因。</translation>
    </message>
    <message>
        <source>This case was closed on {closed}. Reload it to see its outcome; a closed case is not closed again.</source>
        <translation>此案件已于 {closed} 结案，不能再次结案。请刷新查看其处置结果。</translation>
    </message>
    <message>
        <source>Closing this case raises questions: confirm them to close it.</source>
        <translation>结案前有需确认的问题，确认后方可结案。</translation>
    </message>
    <message>
        <source>Give a reason for the transfer.</source>
        <translation>请填写移交原因。</translation>
    </message>
    <message>
        <source>Choose the officer or station taking the case.</source>
        <translation>请选择接收案件的民警或单位。</translation>
    </message>
    <message>
        <source>Choose a current officer to hand the case to.</source>
        <translation>请选择一位在岗人员接收案件。</translation>
    </message>
    <message>
        <source>Give the follow-up days as whole numbers from 1 to 365, separated by commas.</source>
        <translation>回访天数请填写 1 到 365 之间的整数，用逗号分隔。</translation>
    </message>
    <message>
        <source>Time limits must be at least one minute, and the visit limit no shorter than the first-contact limit.</source>
        <translation>时限至少 1 分钟，且上门时限不得短于首次联系时限。</translation>
    </message>
    <message>
        <source>Give the ID number or the mobile: one of the two is needed.</source>
        <translation>请填写身份证号或手机号码：两者至少需要其一。</translation>
    </message>
    <message>
        <source>This ID number is on record under another name: check the number and the name. (This look-up is logged.)</source>
        <translation>该身份证号已登记在另一姓名下：请核对号码和姓名。（本次查询已记入审计日志。）</translation>
    </message>
    <message>
        <source>A tag is at most {limit} characters: {value}</source>
        <translation>标签最多 {limit} 个字：{value}</translation>
    </message>
    <message>
        <source>The period ends ({end}) before it starts.</source>
        <translation>统计时段的结束日期（{end}）早于开始日期。</translation>
    </message>
    <message>
        <source>Enter the count as a whole number: {value}</source>
        <translation>数量请填写整数：{value}</translation>
    </message>
    <message>
        <source>{value} is more than one entry can hold; check it.</source>
        <translation>{value} 超出一条登记的上限，请核对。</translation>
    </message>
    <message>
        <source>{value} is in the future; count what has been done.</source>
        <translation>{value} 是将来的日期，请登记已完成的数量。</translation>
    </message>
    <message>
        <source>Keep personal data for 1 to 30 years.</source>
        <translation>个人信息保留期限为 1 至 30 年。</translation>
    </message>
    <message>
        <source>Use at least {count} characters for the password.</source>
        <translation>密码至少 {count} 个字符。</translation>
    </message>
    <message>
        <source>Lock after 1 to 240 minutes without use.</source>
        <translation>无操作锁定时间为 1 至 240 分钟。</translation>
    </message>
    <message>
        <source>There is no area called {value}.</source>
        <translation>没有叫“{value}”的地区。</translation>
    </message>
    <message>
        <source>More than one area is called {value}; give its code: {candidates}</source>
        <translation>叫“{value}”的地区不止一个，请改用代码：{candidates}</translation>
    </message>
    <message>
        <source>There is no warning with the record id or reference number “{value}”.</source>
        <translation>没有记录ID或预警编号为“{value}”的预警。</translation>
    </message>
    <message>
        <source>More than one warning has the reference number “{value}”; give its record id:{candidates}</source>
        <translation>有不止一条预警的预警编号为“{value}”，请改用记录ID：{candidates}</translation>
    </message>
    <message>
        <source>There is no talk called “{value}”.</source>
        <translation>没有名为“{value}”的宣传活动。</translation>
    </message>
    <message>
        <source>There is no talk called “{value}” on {day}.</source>
        <translation>{day} 没有名为“{value}”的宣传活动。</translation>
    </message>
    <message>
        <source>{count} talks match “{value}”; give the day (--date) or the record id:{candidates}</source>
        <translation>有 {count} 场宣传活动与“{value}”相符，请加上日期（--date）或改用记录ID：{candidates}</translation>
    </message>
    <message>
        <source>The exchange key is 52 letters and digits (groups of four); check what was typed.</source>
        <translation>交换密钥是 52 个字母和数字（四个一组），请检查输入。</translation>
    </message>
    <message>
        <source>That resident is no longer on record.</source>
        <translation>该群众的记录已不存在。</translation>
    </message>
    <message>
        <source>Both residents have an open entry on the ledger of persons abroad: close one of the two entries before merging them.</source>
        <translation>两人在滞留境外人员台账中均有未销账的记录：请先将其中一条销账，再合并。</translation>
    </message>
    <message>
        <source>Both residents are on the card-seller register, not yet ended, for the same kind of card: end one of the two records before merging them.</source>
        <translation>两人均以同一卡类在涉“两卡”人员名册中且尚未结束：请先结束其中一条记录，再合并。</translation>
    </message>
    <message>
        <source>Choose two different residents to merge.</source>
        <translation>请选择两名不同的群众进行合并。</translation>
    </message>
    <message>
        <source>These residents have different ID numbers: they are two people.</source>
        <translation>这两人的身份证号不同：是两个人。</translation>
    </message>
    <message>
        <source>This field cannot be empty.</source>
        <translation>此项不能为空。</translation>
    </message>
    <message>
        <source>{value} is not a date and time with its offset from UTC (ISO 8601, such as 2026-01-05T14:30:00+08:00).</source>
        <translation>{value} 不是带时区偏移的日期时间（应为 ISO 8601 格式，例如 2026-01-05T14:30:00+08:00）。</translation>
    </message>
    <message>
        <source>{value} is not a date (ISO 8601, such as 2026-01-05).</source>
        <translation>{value} 不是日期（应为 ISO 8601 格式，例如 2026-01-05）。</translation>
    </message>
    <message>
        <source>{value} is not a whole number from 0 to {most}.</source>
        <translation>{value} 不是 0 到 {most} 之间的整数。</translation>
    </message>
    <message>
        <source>{value} households at home is more than the {visited} visited.</source>
        <translation>在家户数 {value} 多于走访户数 {visited}。</translation>
    </message>
    <message>
        <source>{value} households with the app is more than the {visited} visited.</source>
        <translation>已安装App户数 {value} 多于走访户数 {visited}。</translation>
    </message>
    <message>
        <source>{value} call warnings turned on is more than the {installed} households with the app.</source>
        <translation>开启来电预警 {value} 户，多于已安装App的 {installed} 户。</translation>
    </message>
    <message>
        <source>Choose a community or village on record: visits are counted by community.</source>
        <translation>请选择已登记的村（社区）：入户走访按村（社区）统计。</translation>
    </message>
    <message>
        <source>The day of the visit is missing.</source>
        <translation>缺少走访日期。</translation>
    </message>
    <message>
        <source>Row {row} of the sheet: {reason} ({count} problems in all).</source>
        <translation>登记表第 {row} 行：{reason}（共 {count} 处问题）。</translation>
    </message>
    <message>
        <source>{value} is not a list of texts this field can hold (JSON).</source>
        <translation>{value} 不是此项可以保存的文字列表（JSON）。</translation>
    </message>
    <message>
        <source>{value} is not a table of this field&apos;s kinds and whole numbers from 0 to 1,000,000 (JSON).</source>
        <translation>{value} 不是此项的类别及 0 到 1,000,000 之间整数的对照表（JSON）。</translation>
    </message>
    <message>
        <source>The record&apos;s history of edits (versions) cannot be read.</source>
        <translation>这条记录的修改历史（versions）无法读取。</translation>
    </message>
    <message>
        <source>This conflict has already been decided.</source>
        <translation>这个冲突已经决定过了。</translation>
    </message>
    <message>
        <source>The text is {length} characters long; at most {limit} fit here. Shorten it and try again.</source>
        <translation>内容有 {length} 个字符，这里最多只能填 {limit} 个。请删减后重试。</translation>
    </message>
    <message>
        <source>The text holds an invisible control character ({code}) at position {position}. Type the text again or remove the character.</source>
        <translation>内容第 {position} 个字符处有一个看不见的控制字符（{code}）。请重新输入，或删除该字符。</translation>
    </message>
    <message>
        <source>The text holds a line break at position {position}; this field is one line. Remove the line break.</source>
        <translation>内容第 {position} 个字符处有换行，此项只能填一行。请删除换行。</translation>
    </message>
    <message>
        <source>The value {value} is not text.</source>
        <translation>{value} 不是文字。</translation>
    </message>
    <message>
        <source>{value} is not a time zone this computer knows; choose one from the list, e.g. Asia/Shanghai.</source>
        <translation>“{value}”不是本机可识别的时区，请从列表中选择，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <source>{value} is not a whole number from {low} to {high}.</source>
        <translation>{value} 不是 {low} 到 {high} 之间的整数。</translation>
    </message>
    <message>
        <source>{value} is not one of: {choices}.</source>
        <translation>{value} 不在可选范围内：{choices}。</translation>
    </message>
    <message>
        <source>{value} is not a percentage from 0 to 100.</source>
        <translation>{value} 不是 0 至 100 之间的百分比。</translation>
    </message>
    <message>
        <source>A criterion entered with evidence has nothing to compute.</source>
        <translation>以佐证材料认定的指标无需系统计算。</translation>
    </message>
    <message>
        <source>Give the threshold in percent (0 to 100).</source>
        <translation>请填写阈值（0 至 100 的百分比）。</translation>
    </message>
    <message>
        <source>The criterion needs a short key.</source>
        <translation>请填写指标的简短代码。</translation>
    </message>
    <message>
        <source>The criterion needs its name in both languages.</source>
        <translation>请填写指标的中文和英文名称。</translation>
    </message>
    <message>
        <source>Write the criterion&apos;s definition, as figures have.</source>
        <translation>请填写指标的口径说明（与统计指标一样）。</translation>
    </message>
    <message>
        <source>{value} is not one of the criteria entered with evidence.</source>
        <translation>{value} 不是需录入佐证材料的指标。</translation>
    </message>
    <message>
        <source>{value} is before the current step ({previous}).</source>
        <translation>{value} 早于当前状态的日期（{previous}）。</translation>
    </message>
    <message>
        <source>This is not the next step of the path: give the reason for the correction.</source>
        <translation>这不是创建流程的下一步：请填写更正原因。</translation>
    </message>
    <message>
        <source>Name who awarded the plaque.</source>
        <translation>请填写授牌单位。</translation>
    </message>
    <message>
        <source>Give the reason the plaque is withdrawn.</source>
        <translation>请填写摘牌原因。</translation>
    </message>
    <message>
        <source>Only a community with its plaque can keep it.</source>
        <translation>只有已授牌的村（社区）才能保留牌匾。</translation>
    </message>
    <message>
        <source>Write what the review found.</source>
        <translation>请填写复核结论。</translation>
    </message>
    <message>
        <source>Not every criterion is met on {value}: {unmet}.</source>
        <translation>{value} 尚有指标未达标：{unmet}。</translation>
    </message>
    <message>
        <source>The step needs its reason.</source>
        <translation>此状态需填写原因。</translation>
    </message>
    <message>
        <source>Enter the station&apos;s name: every printout names its issuing unit.</source>
        <translation>请填写单位名称：每份打印材料都要写明出具单位。</translation>
    </message>
</context>
<context>
    <name>VisitsTab</name>
    <message>
        <source>Community</source>
        <translation>村（社区）</translation>
    </message>
    <message>
        <source>choose a community</source>
        <translation>选择村（社区）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Import visits (.xlsx)…</source>
        <translation>导入走访登记表（.xlsx）…</translation>
    </message>
    <message>
        <source>Import households (.xlsx)…</source>
        <translation>导入户数统计表（.xlsx）…</translation>
    </message>
    <message>
        <source>A township&apos;s list of its communities&apos; numbers of households (户数统计表).</source>
        <translation>乡镇报送的各村（社区）户数统计表。</translation>
    </message>
    <message>
        <source>Take out the visit chosen…</source>
        <translation>作废所选走访记录…</translation>
    </message>
    <message>
        <source>A visit entered by mistake leaves every count; its history stays.</source>
        <translation>误录的走访记录不再计入任何统计，其历史记录保留。</translation>
    </message>
    <message>
        <source>An afternoon&apos;s sheet: one row a building or group</source>
        <translation>走访登记（一行一个楼栋或村民小组）</translation>
    </message>
    <message>
        <source>Day (unless a row says)</source>
        <translation>走访日期（行内未填时）</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>民警</translation>
    </message>
    <message>
        <source>Grid worker (unless a row says)</source>
        <translation>网格员（行内未填时）</translation>
    </message>
    <message>
        <source>Empty rows are left out. The whole sheet is saved, or nothing: each row with a problem is named and marked.</source>
        <translation>空行不保存。整张表要么全部保存，要么一条也不保存：有问题的行会逐一指出并标红。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Building / group</source>
        <translation>楼栋/村民小组</translation>
    </message>
    <message>
        <source>Households visited</source>
        <translation>走访户数</translation>
    </message>
    <message>
        <source>At home</source>
        <translation>在家户数</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>宣传人数</translation>
    </message>
    <message>
        <source>App installed (new)</source>
        <translation>新安装App</translation>
    </message>
    <message>
        <source>App already</source>
        <translation>原已安装App</translation>
    </message>
    <message>
        <source>Call warning on</source>
        <translation>开启来电预警</translation>
    </message>
    <message>
        <source>Leaflets</source>
        <translation>发放资料</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <source>More rows</source>
        <translation>增加行</translation>
    </message>
    <message>
        <source>Clear the sheet</source>
        <translation>清空本表</translation>
    </message>
    <message>
        <source>Save the sheet</source>
        <translation>保存本表</translation>
    </message>
    <message>
        <source>Visits of the community in the period</source>
        <translation>本村（社区）期间内的走访记录</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>走访户数</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>App new</source>
        <translation>新装App</translation>
    </message>
    <message>
        <source>Call warning</source>
        <translation>来电预警</translation>
    </message>
    <message>
        <source>By</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Choose a community to see its visits.</source>
        <translation>选择村（社区）后显示其走访记录。</translation>
    </message>
    <message>
        <source>{count} visits, {households} households visited</source>
        <translation>走访 {count} 次，共 {households} 户</translation>
    </message>
    <message>
        <source>The sheet is empty.</source>
        <translation>登记表是空的。</translation>
    </message>
    <message>
        <source>Row {row}: {problem}</source>
        <translation>第 {row} 行：{problem}</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>未保存任何记录。</translation>
    </message>
    <message>
        <source>{count} visits saved.</source>
        <translation>已保存 {count} 条走访记录。</translation>
    </message>
    <message>
        <source>Take out a visit</source>
        <translation>作废走访记录</translation>
    </message>
    <message>
        <source>Take the visit of {day}, {building} out of every count?</source>
        <translation>将{day}在{building}的走访记录作废、不再计入统计？</translation>
    </message>
</context>
<context>
    <name>Warnings</name>
    <message>
        <source>Called – busy</source>
        <translation>电话：占线</translation>
    </message>
    <message>
        <source>Called – no answer</source>
        <translation>电话：无人接听</translation>
    </message>
    <message>
        <source>Called – reached</source>
        <translation>电话：已接通</translation>
    </message>
    <message>
        <source>Called – refused</source>
        <translation>电话：拒绝沟通</translation>
    </message>
    <message>
        <source>Visited – met</source>
        <translation>上门：已见面</translation>
    </message>
    <message>
        <source>Visited – not at home</source>
        <translation>上门：不在家</translation>
    </message>
    <message>
        <source>Family contacted</source>
        <translation>已联系家属</translation>
    </message>
    <message>
        <source>SMS sent</source>
        <translation>已发短信</translation>
    </message>
    <message>
        <source>Bank contacted</source>
        <translation>已联系银行</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>No contact, {over} over</source>
        <translation>未联系，超时 {over}</translation>
    </message>
    <message>
        <source>No visit, {over} over</source>
        <translation>未上门，超时 {over}</translation>
    </message>
    <message>
        <source>Resident</source>
        <translation>群众</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>联系次数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>{days}d {clock}</source>
        <translation>{days}天 {clock}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>下发时间</translation>
    </message>
    <message>
        <source>At {station}</source>
        <translation>在 {station}</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新预警</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>处置中</translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message>
        <source>Open warnings</source>
        <translation>待处置预警</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Handed to other stations</source>
        <translation>已移交外单位</translation>
    </message>
    <message>
        <source>All warnings</source>
        <translation>全部预警</translation>
    </message>
    <message>
        <source>New warning…</source>
        <translation>新建预警…</translation>
    </message>
    <message>
        <source>Import warning list…</source>
        <translation>导入预警名单…</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>预警列表</translation>
    </message>
    <message>
        <source>Every level</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>Every source</source>
        <translation>全部来源</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>待回访</translation>
    </message>
    <message>
        <source>Follow-ups due ({count})</source>
        <translation>待回访（{count}）</translation>
    </message>
    <message numerus="yes">
        <source>Zero-loss streak: %n day(s)</source>
        <translation>
            <numerusform>连续 %n 天预警后零被骗</numerusform>
        </translation>
    </message>
    <message>
        <source>due today</source>
        <translation>今天到期</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>已逾期 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} shown</source>
        <translation>显示 {count} 条</translation>
    </message>
    <message>
        <source>{open} open warnings, {late} past their time limit</source>
        <translation>待处置预警 {open} 条，其中超时 {late} 条</translation>
    </message>
</context>
<context>
    <name>_WorkerDialog</name>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何数据。</translation>
    </message>
</context>
</TS>
