<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutSection</name>
    <message>
        <source>Open data folder</source>
        <translation>打开数据文件夹</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>{found} (this program: {supported})</source>
        <translation>{found}（本程序：{supported}）</translation>
    </message>
    <message>
        <source>Program version</source>
        <translation>程序版本</translation>
    </message>
    <message>
        <source>Installation</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Bureau</source>
        <translation>事务局</translation>
    </message>
    <message>
        <source>Installation ID</source>
        <translation>安装标识</translation>
    </message>
    <message>
        <source>Division code</source>
        <translation>区划代码</translation>
    </message>
    <message>
        <source>Database schema version</source>
        <translation>数据结构版本</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Log folder</source>
        <translation>日志文件夹</translation>
    </message>
</context>
<context>
    <name>AccountsSection</name>
    <message>
        <source>Log-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <source>Created by</source>
        <translation>创建人</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>添加账号…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重设密码…</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>修改我的密码…</translation>
    </message>
    <message>
        <source>Only the station head or the bureau administrator manages accounts. You can change your own password here.</source>
        <translation>账号由站长或事务局管理员管理，您在这里只能修改自己的密码。</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>命令行</translation>
    </message>
    <message>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Deactivate account</source>
        <translation>停用账号</translation>
    </message>
    <message>
        <source>{name} ({login}) will no longer be able to log in. What they recorded stays, attributed to them. You can reactivate the account later.

Deactivate it?</source>
        <translation>停用后，{name}（{login}）将不能再登录。其录入的内容保留不变，仍记在其名下；以后可以重新启用。

确定停用吗？</translation>
    </message>
    <message>
        <source>Account not changed</source>
        <translation>账号未修改</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>New account</source>
        <translation>添加账号</translation>
    </message>
    <message>
        <source>The person logs in with this name and password; tell them to change the password after the first log-in.</source>
        <translation>用此登录名和密码登录；请提醒本人首次登录后修改密码。</translation>
    </message>
    <message>
        <source>letters and digits, e.g. wangfang</source>
        <translation>字母和数字，例如 wangfang</translation>
    </message>
    <message>
        <source>Log-in name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>AdoptEnrollmentDialog</name>
    <message>
        <source>Enroll with the bureau</source>
        <translation>向事务局登记</translation>
    </message>
    <message>
        <source>Open the enrollment file</source>
        <translation>打开登记文件</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>The bureau gives you an enrollment file and, separately, its passphrase. This station keeps all its records.</source>
        <translation>事务局会给您一个登记文件，并另外告知口令。本服务站已有的记录全部保留。</translation>
    </message>
    <message>
        <source>Choose the enrollment file.</source>
        <translation>请选择登记文件。</translation>
    </message>
    <message>
        <source>Opening the enrollment file…</source>
        <translation>正在打开登记文件…</translation>
    </message>
</context>
<context>
    <name>AidDialog</name>
    <message>
        <source>New hardship aid case</source>
        <translation>新建困难帮扶案件</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日期</translation>
    </message>
</context>
<context>
    <name>AidPage</name>
    <message>
        <source>Hardship aid</source>
        <translation>困难帮扶</translation>
    </message>
    <message>
        <source>New aid case… (Ctrl+N)</source>
        <translation>新建帮扶案件…（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>AreaDialog</name>
    <message>
        <source>Edit the area {name}</source>
        <translation>编辑领域：{name}</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>What is learnt</source>
        <translation>学习内容</translation>
    </message>
    <message>
        <source>Leading officials</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>AuditSection</name>
    <message>
        <source>Only the station head and the bureau see the audit trail.</source>
        <translation>审计记录只有站长和事务局可以查看。</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部动作</translation>
    </message>
    <message>
        <source>Record id or file name</source>
        <translation>档案编号或文件名</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>{count} entries</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Lock-out and idle lock on this PC</source>
        <translation>本机的账号锁定和无操作锁屏</translation>
    </message>
    <message>
        <source>Wrong passwords in a row before the account locks</source>
        <translation>连续输错几次密码锁定账号</translation>
    </message>
    <message>
        <source>Minutes an account stays locked</source>
        <translation>账号锁定多少分钟</translation>
    </message>
    <message>
        <source>Idle minutes before the window locks</source>
        <translation>无操作多少分钟后锁屏</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Saved. The idle time applies from the next log-in.</source>
        <translation>已保存。锁屏时间从下次登录起生效。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Record or file</source>
        <translation>档案或文件</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>BackupsSection</name>
    <message>
        <source>A backup is made automatically once a day after log-in, and before every import, restore and program upgrade. The newest {n} of each kind are kept.</source>
        <translation>每天首次登录后自动备份一次；每次导入、恢复和程序升级前也会自动备份。每种备份保留最近 {n} 份。</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Restore this backup…</source>
        <translation>恢复此备份…</translation>
    </message>
    <message>
        <source>Open backup folder</source>
        <translation>打开备份文件夹</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Backup not made</source>
        <translation>备份未完成</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>已备份到 {file}。</translation>
    </message>
    <message>
        <source>Restore backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>All data of this installation will be replaced by the backup of {when} ({why}). Whatever was entered after that time will no longer be shown.

The current data is backed up first, so this step can be undone by restoring that backup.

If data was exchanged with the bureau after {when}, tell the bureau before the next exchange.

Restore this backup now?</source>
        <translation>本单位的当前全部数据将被 {when} 的备份（{why}）替换，此后录入的内容将不再显示。

恢复前会先自动备份当前数据，如需撤销，恢复那份备份即可。

如果 {when} 之后已与事务局交换过数据，请在下次交换前告知事务局。

确定现在恢复此备份吗？</translation>
    </message>
    <message>
        <source>Restored the backup of {when}. The data as it was just before is kept as {file}.</source>
        <translation>已恢复 {when} 的备份。恢复前的数据已保存为 {file}。</translation>
    </message>
    <message>
        <source>Backup not restored</source>
        <translation>备份未恢复</translation>
    </message>
</context>
<context>
    <name>BasicSection</name>
    <message>
        <source>Give this person special attention</source>
        <translation>对此人重点关注</translation>
    </message>
</context>
<context>
    <name>BehindDialog</name>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>{total} records; double-click one to open it.</source>
        <translation>共{total}条记录；双击打开。</translation>
    </message>
    <message>
        <source> The first {shown} are listed.</source>
        <translation>（列出前 {shown} 条。）</translation>
    </message>
</context>
<context>
    <name>CardDialog</name>
    <message>
        <source>New preferential card application</source>
        <translation>受理优待证申领</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申领人</translation>
    </message>
    <message>
        <source>Card type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Accepted on</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>{name} meets the conditions for the {card}.</source>
        <translation>{name}符合{card}的申领条件。</translation>
    </message>
</context>
<context>
    <name>CardsPage</name>
    <message>
        <source>Exclusions…</source>
        <translation>不予发放情形…</translation>
    </message>
    <message>
        <source>Record or lift the cases in which no card may be issued</source>
        <translation>登记或解除不予发放优待证的情形</translation>
    </message>
    <message>
        <source>Preferential cards</source>
        <translation>优待证</translation>
    </message>
    <message>
        <source>New application… (Ctrl+N)</source>
        <translation>受理申领…（Ctrl+N）</translation>
    </message>
    <message>
        <source>linked to the card it replaces</source>
        <translation>关联被补换的原证</translation>
    </message>
    <message>
        <source>replaced by a new application</source>
        <translation>已由新的补领/换领申请替代</translation>
    </message>
</context>
<context>
    <name>CaseAreaPage</name>
    <message>
        <source>New record… (Ctrl+N)</source>
        <translation>新建记录…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Delete record</source>
        <translation>删除记录</translation>
    </message>
    <message>
        <source>Why is it deleted?</source>
        <translation>删除原因</translation>
    </message>
</context>
<context>
    <name>CaseBrowser</name>
    <message>
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>{count} records in total</source>
        <translation>共 {count} 条</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出 Excel</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>CaseDetail</name>
    <message>
        <source>Open person record</source>
        <translation>查看人员档案</translation>
    </message>
    <message>
        <source>Steps taken</source>
        <translation>办理记录</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Delete (entered by mistake)…</source>
        <translation>删除（录入错误）…</translation>
    </message>
    <message>
        <source>Select a record in the list to see it here.</source>
        <translation>在左侧列表中选择一条记录，即可在此查看。</translation>
    </message>
    <message>
        <source>State: {state}</source>
        <translation>状态：{state}</translation>
    </message>
</context>
<context>
    <name>CaseFilters</name>
    <message>
        <source>Name, pinyin or content</source>
        <translation>姓名、拼音或内容</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>Any staff</source>
        <translation>全部经办人</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>CaseForms</name>
    <message>
        <source>Not saved: please correct what is marked in red.</source>
        <translation>未保存：请修改标红的内容。</translation>
    </message>
    <message>
        <source>Not saved:</source>
        <translation>未保存：</translation>
    </message>
</context>
<context>
    <name>Concealable</name>
    <message>
        <source>Type the new number (left empty, the current one stays)</source>
        <translation>输入新号码（留空则保留原号码）</translation>
    </message>
</context>
<context>
    <name>ConfirmDoneDialog</name>
    <message>
        <source>Confirm task {number} completed</source>
        <translation>确认任务{number}已完成</translation>
    </message>
    <message>
        <source>Every responsible unit</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <source>Completed by</source>
        <translation>完成单位</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ConflictQueue</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>No conflicts to resolve.</source>
        <translation>没有待处理的冲突。</translation>
    </message>
    <message>
        <source>When the same field of a record was changed at two places before they exchanged bundles, both values wait here until someone decides.</source>
        <translation>同一条记录的同一项在两处被修改、而两处还没交换数据包时，两个值都会在这里等待工作人员决定。</translation>
    </message>
    <message>
        <source>Open the person</source>
        <translation>打开档案</translation>
    </message>
    <message>
        <source>The record was deleted at one place while it was edited at another. It stays deleted until you decide.</source>
        <translation>这条记录在一处被删除，同时在另一处被修改。在您决定之前，它暂时保持删除。</translation>
    </message>
    <message>
        <source>Both values below were entered independently. Meanwhile the record shows “{value}”. Choose the right one, or type the correct value.</source>
        <translation>下面两个值是分别录入的，档案中暂时显示“{value}”。请选择正确的一个，或输入正确的值。</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>确认删除</translation>
    </message>
    <message>
        <source>Restore the record with the edit</source>
        <translation>恢复档案（保留修改）</translation>
    </message>
    <message>
        <source>or type the correct value</source>
        <translation>或输入正确的值</translation>
    </message>
    <message>
        <source>Keep the typed value</source>
        <translation>采用输入的值</translation>
    </message>
    <message>
        <source>Your decision is recorded as {name} and sent with the next bundle.</source>
        <translation>您的决定将以“{name}”的名义记录，并随下一个数据包发出。</translation>
    </message>
    <message>
        <source>by {who} at {where}, {when}</source>
        <translation>{where} {who} 于 {when} 修改</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>采用此值</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>正在保存处理结果…</translation>
    </message>
</context>
<context>
    <name>CountEdit</name>
    <message>
        <source>Type a whole number.</source>
        <translation>请填写整数。</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This station</source>
        <translation>本站</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>上期</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Banner average</source>
        <translation>全旗平均</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>量化指标</translation>
    </message>
    <message>
        <source>Click a figure to see the records behind it.</source>
        <translation>点击数字可查看其背后的记录。</translation>
    </message>
    <message>
        <source>Chart:</source>
        <translation>图表：</translation>
    </message>
    <message>
        <source>Publish to the stations</source>
        <translation>发布给服务站</translation>
    </message>
    <message>
        <source>Each station receives its own figures for this period against the banner&apos;s average, with the next bundle.</source>
        <translation>各服务站在下次收到的数据包中看到本期本站数据与全旗平均值的对比。</translation>
    </message>
    <message>
        <source>Plan settings…</source>
        <translation>方案设置…</translation>
    </message>
    <message>
        <source>compared with {period}</source>
        <translation>与{period}相比</translation>
    </message>
    <message>
        <source>Banner total</source>
        <translation>全旗合计</translation>
    </message>
    <message>
        <source>{period}, {count} stations, {before}. Changes in brackets; click a figure for the records behind it.</source>
        <translation>{period}，{count}个服务站，{before}。括号内为变化；点击数字查看背后的记录。</translation>
    </message>
    <message>
        <source>The bureau published the comparison; rank {rank}.</source>
        <translation>事务局已发布对标情况，本站排名第{rank}。</translation>
    </message>
    <message>
        <source>The bureau has not yet published the banner&apos;s comparison for this period.</source>
        <translation>事务局尚未发布本期的全旗对标情况。</translation>
    </message>
    <message>
        <source>Not yet published to the stations for {period}.</source>
        <translation>{period}的对标情况尚未发布给服务站。</translation>
    </message>
    <message>
        <source>Published to the stations on {when} by {who}.</source>
        <translation>已于{when}由{who}发布给服务站。</translation>
    </message>
    <message>
        <source>{said} {sees}</source>
        <translation>{said}{sees}</translation>
    </message>
    <message>
        <source>Each station sees its own figures and the banner&apos;s average.</source>
        <translation>各站看到本站数据和全旗平均值。</translation>
    </message>
    <message>
        <source>Each station sees its own figures, the banner&apos;s average and every station&apos;s score and rank.</source>
        <translation>各站看到本站数据、全旗平均值以及各站得分和排名。</translation>
    </message>
    <message>
        <source>Each station sees its own figures, the banner&apos;s average and its own rank; the other stations&apos; scores and ranks are not shown (plan settings).</source>
        <translation>各站看到本站数据、全旗平均值和本站名次，看不到其他站的得分和排名（见方案设置）。</translation>
    </message>
    <message>
        <source>The comparison for {period} was published to {count} stations; they receive it with their next bundle.</source>
        <translation>{period}的对标情况已发布给{count}个服务站，各站在下次收到数据包后看到。</translation>
    </message>
    <message>
        <source>Tasks: done, late, open</source>
        <translation>任务：已完成、滞后、未完成</translation>
    </message>
    <message>
        <source>Open, not late</source>
        <translation>未完成（未滞后）</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>滞后</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Pick from a calendar</source>
        <translation>从日历中选择</translation>
    </message>
</context>
<context>
    <name>DecisionTaskDialog</name>
    <message>
        <source>Make the decision a task</source>
        <translation>将决定转为工作任务</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务事项</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
</context>
<context>
    <name>DisabilitySection</name>
    <message>
        <source>Only for people registered as {names}; tick the category under 人员类别 first.</source>
        <translation>仅适用于{names}；请先在“人员类别”中勾选相应类别。</translation>
    </message>
</context>
<context>
    <name>DisputeDialog</name>
    <message>
        <source>Register a dispute or petition</source>
        <translation>登记矛盾纠纷/信访事项</translation>
    </message>
    <message>
        <source>The number is given when saved: {number}</source>
        <translation>保存时自动编号：{number}</translation>
    </message>
    <message>
        <source>Parties not in the registry, e.g. 张某（邻居）</source>
        <translation>未建档的当事人，如 张某（邻居）</translation>
    </message>
    <message>
        <source>Has petitioned about this before</source>
        <translation>此前已就此事反映过</translation>
    </message>
</context>
<context>
    <name>DisputeEditDialog</name>
    <message>
        <source>Change the registration of {number}</source>
        <translation>修改登记信息：{number}</translation>
    </message>
    <message>
        <source>Has petitioned about this before</source>
        <translation>此前已就此事反映过</translation>
    </message>
</context>
<context>
    <name>DisputesPage</name>
    <message>
        <source>Cases that ended 已化解 at station level, out of all cases that ended</source>
        <translation>在服务站层面以“已化解”办结的案件占全部办结案件的比例</translation>
    </message>
    <message>
        <source>Change registration…</source>
        <translation>修改登记信息…</translation>
    </message>
    <message>
        <source>Disputes and petitions</source>
        <translation>矛盾纠纷/信访</translation>
    </message>
    <message>
        <source>Register… (Ctrl+N)</source>
        <translation>登记…（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>Record a received document</source>
        <translation>登记收到的材料</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>材料名称</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Scan or photo</source>
        <translation>扫描件或照片</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>DocumentsBox</name>
    <message>
        <source>Documents</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>扫描件</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record a received document…</source>
        <translation>登记收到材料…</translation>
    </message>
    <message>
        <source>Open scan</source>
        <translation>查看扫描件</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>移除…</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>有</translation>
    </message>
    <message>
        <source>not received</source>
        <translation>未收到</translation>
    </message>
    <message>
        <source>Remove a document</source>
        <translation>移除材料</translation>
    </message>
    <message>
        <source>Why is it removed?</source>
        <translation>移除原因</translation>
    </message>
</context>
<context>
    <name>DriveChooser</name>
    <message>
        <source>Where to write the bundle</source>
        <translation>数据包写到哪里</translation>
    </message>
    <message>
        <source>Insert the USB stick and choose it below. The bundle is written, then read back from the stick and checked.</source>
        <translation>请插好U盘并在下面选中它。数据包写入后会从U盘上读回并校验。</translation>
    </message>
    <message>
        <source>No USB stick found. Insert one and press Refresh, or choose a folder.</source>
        <translation>没有找到U盘。请插入U盘后点“刷新”，或选择一个文件夹。</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <source>Write to this drive</source>
        <translation>写入此处</translation>
    </message>
    <message>
        <source>USB stick</source>
        <translation>U盘</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>磁盘</translation>
    </message>
    <message>
        <source>{kind}: {name} ({path}) — {free} free of {total}</source>
        <translation>{kind}：{name}（{path}）—— 可用 {free}，共 {total}</translation>
    </message>
    <message>
        <source>Choose a folder for the bundle</source>
        <translation>选择保存数据包的文件夹</translation>
    </message>
</context>
<context>
    <name>DueList</name>
    <message>
        <source>Persons with a contact tier whose next visit is due within {days} days or overdue. The tier is set on the person&apos;s record (联系等级).</source>
        <translation>已设联系等级、{days} 天内应走访或已逾期的人员。联系等级在人员档案中设置。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Contact tier</source>
        <translation>联系等级</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次走访</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>应走访日期</translation>
    </message>
    <message>
        <source>When</source>
        <translation>到期情况</translation>
    </message>
    <message>
        <source>Record the visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>Open person record</source>
        <translation>查看人员档案</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未走访</translation>
    </message>
</context>
<context>
    <name>DuplicateQueue</name>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>发现时间</translation>
    </message>
    <message>
        <source>No duplicate persons to resolve.</source>
        <translation>没有待处理的疑似重复人员。</translation>
    </message>
    <message>
        <source>Keep the left one</source>
        <translation>保留左边，合并右边</translation>
    </message>
    <message>
        <source>Keep the right one</source>
        <translation>保留右边，合并左边</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>不是同一人</translation>
    </message>
    <message>
        <source>Open left</source>
        <translation>打开左边档案</translation>
    </message>
    <message>
        <source>Open right</source>
        <translation>打开右边档案</translation>
    </message>
    <message>
        <source>Merging keeps one person: the other&apos;s identities, family members and records move to it, and the other becomes a pointer to it.</source>
        <translation>合并后只保留一人：另一人的身份、家庭成员和各项记录都转到保留的人名下，另一条档案只留作指向它的转址。</translation>
    </message>
    <message>
        <source>Merge duplicate persons</source>
        <translation>合并重复人员</translation>
    </message>
    <message>
        <source>Keep {keep} (station {keep_station}) and merge {drop} (station {drop_station}) into it? This is recorded under your name and sent to both stations.</source>
        <translation>保留 {keep}（服务站 {keep_station}），并把 {drop}（服务站 {drop_station}）合并进来吗？此操作以您的名义记录，并发给两个服务站。</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>正在保存处理结果…</translation>
    </message>
</context>
<context>
    <name>EmploymentDialog</name>
    <message>
        <source>New employment record</source>
        <translation>新建就业创业记录</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Post / course / project</source>
        <translation>岗位/培训/项目</translation>
    </message>
    <message>
        <source>Employer / school / lender</source>
        <translation>单位/培训机构</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>EmploymentPage</name>
    <message>
        <source>Employment</source>
        <translation>就业创业</translation>
    </message>
</context>
<context>
    <name>EnrollStationDialog</name>
    <message>
        <source>Enroll a station</source>
        <translation>登记服务站</translation>
    </message>
    <message>
        <source>Another station (type its code and name)</source>
        <translation>其他服务站（输入代码和名称）</translation>
    </message>
    <message>
        <source>Save the enrollment file</source>
        <translation>保存登记文件</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>服务站代码</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>服务站名称</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <source>The file carries the station&apos;s keys. It is sealed with a one-time passphrase that is shown here once: tell it to the station in person or by phone, never on the same USB stick.</source>
        <translation>登记文件里有服务站的密钥，用一次性口令封存。口令只在这里显示一次：请当面或电话告知服务站，不要和登记文件放在同一个U盘里。</translation>
    </message>
    <message>
        <source>Choose where to save the enrollment file.</source>
        <translation>请选择登记文件的保存位置。</translation>
    </message>
    <message>
        <source>Sealing the enrollment file…</source>
        <translation>正在封存登记文件…</translation>
    </message>
    <message>
        <source>Enrollment file written. One-time passphrase:
{passphrase}
Give it to the station separately from the file.</source>
        <translation>登记文件已写好。一次性口令：
{passphrase}
请与登记文件分开交给服务站。</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Something went wrong inside the program. The details were written to the log; nothing was changed.</source>
        <translation>程序内部出错，详情已写入日志，数据未作任何改动。</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>出错了</translation>
    </message>
    <message>
        <source>The program cannot start</source>
        <translation>程序无法启动</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>Data exchange (USB)</source>
        <translation>数据交换（U盘）</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Where the exchange stands</source>
        <translation>交换情况</translation>
    </message>
    <message>
        <source>Bundles</source>
        <translation>数据包</translation>
    </message>
    <message>
        <source>Export a bundle to the USB stick…</source>
        <translation>导出数据包到U盘…</translation>
    </message>
    <message>
        <source>Export a bundle for the station…</source>
        <translation>给此服务站导出数据包…</translation>
    </message>
    <message>
        <source>Import the bureau&apos;s bundle…</source>
        <translation>导入事务局的数据包…</translation>
    </message>
    <message>
        <source>Import a station&apos;s bundle…</source>
        <translation>导入服务站的数据包…</translation>
    </message>
    <message>
        <source>Imported bundles</source>
        <translation>已导入的数据包</translation>
    </message>
    <message>
        <source>Imported at</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>From</source>
        <translation>来自</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>By</source>
        <translation>导入人</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Double-click a row to show its report again (and save or print it).</source>
        <translation>双击一行可再次查看其导入报告（并保存或打印）。</translation>
    </message>
    <message>
        <source>Export a bundle for the selected station…</source>
        <translation>给所选服务站导出数据包…</translation>
    </message>
    <message>
        <source>Enroll a station…</source>
        <translation>登记服务站…</translation>
    </message>
    <message>
        <source>“Confirmed by the station” is what its last receipt says it holds; changes waiting to go are sent with the next bundle for it.</source>
        <translation>“服务站已确认”是该站最近一份回执确认已收到的内容；“待发修改”会随下一个发给该站的数据包一并发出。</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>← 返回</translation>
    </message>
    <message>
        <source>This is a dry run: nothing has been written yet. Check the report, then confirm.</source>
        <translation>这是试导入：尚未写入任何数据。请核对报告后再确认导入。</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>Confirm import</source>
        <translation>确认导入</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Enrolled stations: {n}.</source>
        <translation>已登记服务站 {n} 个。</translation>
    </message>
    <message>
        <source>Latest bundle received: {when} from {station}.</source>
        <translation>最近收到的数据包：{when}，来自{station}。</translation>
    </message>
    <message>
        <source>No station bundle has been imported yet.</source>
        <translation>尚未导入过服务站的数据包。</translation>
    </message>
    <message>
        <source>Confirmed by the bureau up to {when}</source>
        <translation>已由事务局确认至 {when}</translation>
    </message>
    <message>
        <source>The bureau has not confirmed any bundle from this station yet.</source>
        <translation>事务局尚未确认收到本站的数据包。</translation>
    </message>
    <message>
        <source>{n} changes of this station are not confirmed yet; the next bundle carries them.</source>
        <translation>本站还有 {n} 条修改未经事务局确认，下一个数据包会一并带上。</translation>
    </message>
    <message>
        <source>Every change of this station is confirmed by the bureau.</source>
        <translation>本站的修改均已由事务局确认。</translation>
    </message>
    <message>
        <source>Last bundle written: {out}. Last bundle from the bureau imported: {into}.</source>
        <translation>最近导出数据包：{out}；最近导入事务局数据包：{into}。</translation>
    </message>
    <message>
        <source>What the last bundle holds: {summary}</source>
        <translation>最近一个数据包的内容：{summary}</translation>
    </message>
    <message>
        <source>From this computer&apos;s own record of the export: the bundle is encrypted for the bureau, so this computer cannot open it again. File: {name}</source>
        <translation>以上取自本机导出时的记录：数据包已加密给事务局，本机打不开。文件：{name}</translation>
    </message>
    <message>
        <source>Conflicts to resolve: {c}. Duplicate persons: {d}. Records held until their parent arrives: {h}.</source>
        <translation>待处理冲突 {c} 条；疑似重复人员 {d} 对；等待上级记录的暂缓记录 {h} 条。</translation>
    </message>
    <message>
        <source>Conflicts to resolve: {c}. Records held until their parent arrives: {h}.</source>
        <translation>待处理冲突 {c} 条；等待上级记录的暂缓记录 {h} 条。</translation>
    </message>
    <message>
        <source>The bureau&apos;s keys have not been created yet: no bundle can be exchanged until they are.</source>
        <translation>尚未生成局密钥：生成之前不能交换数据包。</translation>
    </message>
    <message>
        <source>Create the bureau&apos;s keys…</source>
        <translation>生成局密钥…</translation>
    </message>
    <message>
        <source>This station is not enrolled with the bureau yet: take the enrollment file the bureau gave you.</source>
        <translation>本服务站尚未向事务局登记：请使用事务局提供的登记文件。</translation>
    </message>
    <message>
        <source>Enroll with the enrollment file…</source>
        <translation>用登记文件登记…</translation>
    </message>
    <message>
        <source>No station is enrolled yet: add a station before exporting a bundle for it.</source>
        <translation>还没有登记任何服务站：请先登记服务站，再为它导出数据包。</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>冲突（{n}）</translation>
    </message>
    <message>
        <source>Duplicate persons ({n})</source>
        <translation>重复人员（{n}）</translation>
    </message>
    <message>
        <source>no changes</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Choose the station the bundle is for.</source>
        <translation>请选择数据包要发给哪个服务站。</translation>
    </message>
    <message>
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <source>Written and verified on the stick: {path} ({n} changes, bundle no. {seq}).</source>
        <translation>已写入并在U盘上校验通过：{path}（修改 {n} 条，第 {seq} 号数据包）。</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <source>Bundles (*.vsb);;All files (*)</source>
        <translation>数据包 (*.vsb);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Checking the bundle…</source>
        <translation>正在检查数据包…</translation>
    </message>
    <message>
        <source>This bundle was imported before; nothing changed.</source>
        <translation>这个数据包已经导入过，本次没有任何改动。</translation>
    </message>
    <message>
        <source>Dry run: what this bundle would change</source>
        <translation>试导入：这个数据包将带来的变化</translation>
    </message>
    <message>
        <source>Importing the bundle…</source>
        <translation>正在导入数据包…</translation>
    </message>
    <message>
        <source>Imported: this is what changed</source>
        <translation>导入完成：以下是发生的变化</translation>
    </message>
    <message>
        <source>Bundle no. {n} from {peer}, imported {when} by {who}</source>
        <translation>来自{peer}的第 {n} 号数据包，{who} 于 {when} 导入</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>Enrolled: this station can now exchange bundles with the bureau.</source>
        <translation>登记完成：本服务站现在可以与事务局交换数据包了。</translation>
    </message>
    <message>
        <source>Where to write the escrow key (keep it offline)</source>
        <translation>托管密钥写到哪里（请离线保管）</translation>
    </message>
    <message>
        <source>The bureau&apos;s keys were created. The escrow key was written to {path}: keep it offline (printed, or on a USB stick in the safe) and delete it from this computer.</source>
        <translation>局密钥已生成。托管密钥已写入 {path}：请离线保管（打印，或存入保险柜中的U盘），并从本机删除。</translation>
    </message>
    <message>
        <source>Creating the keys…</source>
        <translation>正在生成密钥…</translation>
    </message>
</context>
<context>
    <name>ExclusionDialog</name>
    <message>
        <source>Record an exclusion</source>
        <translation>登记不予发放情形</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Basis (document, court decision …)</source>
        <translation>依据（文件、判决等）</translation>
    </message>
</context>
<context>
    <name>ExclusionsDialog</name>
    <message>
        <source>Exclusions from the preferential card</source>
        <translation>不予发放优待证的情形</translation>
    </message>
    <message>
        <source>Exclusion</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Record an exclusion…</source>
        <translation>登记情形…</translation>
    </message>
    <message>
        <source>Lift with a reason…</source>
        <translation>说明理由后解除…</translation>
    </message>
    <message>
        <source>A person with an exclusion in force cannot apply. Only the Veterans Affairs Bureau can lift an exclusion, and it must give the reason.</source>
        <translation>有有效的不予发放情形的人员不能申领优待证。只有旗退役军人事务局可以解除，并须写明理由。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Only the Veterans Affairs Bureau can lift an exclusion.</source>
        <translation>只有旗退役军人事务局可以解除不予发放情形。</translation>
    </message>
</context>
<context>
    <name>FamilySection</name>
    <message>
        <source>Add family member</source>
        <translation>添加家庭成员</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>删除所选</translation>
    </message>
</context>
<context>
    <name>FileEdit</name>
    <message>
        <source>No file (the paper copy only)</source>
        <translation>无文件（仅有纸质材料）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose the scan</source>
        <translation>选择扫描件</translation>
    </message>
    <message>
        <source>Scans and photos (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>扫描件和照片 (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
    <message>
        <source>There is no such file.</source>
        <translation>找不到这个文件。</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Name / pinyin initials / ID number / phone</source>
        <translation>姓名 / 拼音首字母 / 身份证号 / 电话</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部人员类别</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部嘎查村</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Only 重点关注</source>
        <translation>仅看重点关注</translation>
    </message>
    <message>
        <source>Only 待补充</source>
        <translation>只看待补充</translation>
    </message>
    <message>
        <source>People saved without 人员类别 or 嘎查村</source>
        <translation>保存时缺少人员类别或嘎查村的人员</translation>
    </message>
</context>
<context>
    <name>IdNumberEdit</name>
    <message>
        <source>18 characters; a 15-digit old number is upgraded</source>
        <translation>18位；15位旧号码将自动升位</translation>
    </message>
    <message>
        <source>Old 15-digit number; it will be saved as {number}</source>
        <translation>15位旧号码，将保存为 {number}</translation>
    </message>
    <message>
        <source>{count} of 18 characters typed</source>
        <translation>已输入 {count}/18 位</translation>
    </message>
</context>
<context>
    <name>Leaving</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Don&apos;t save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Print ledgers</source>
        <translation>台账打印</translation>
    </message>
    <message>
        <source>A4 landscape, with the page numbers and the sign-off block; preview before printing.</source>
        <translation>A4横向，带页码和签字栏；打印前可先预览。</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部人员类别</translation>
    </message>
    <message>
        <source>Print ID numbers in full</source>
        <translation>打印完整身份证号码</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>嘎查村</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>统计期间</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Print the internal remarks (备注)</source>
        <translation>打印内部备注</translation>
    </message>
    <message>
        <source>Unticked, the 备注 column is left empty for handwriting</source>
        <translation>不勾选时备注栏留空，可手写</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <source>Counts and charts for one {period}, e.g. {example}.</source>
        <translation>按{period}生成的统计数字和图表，例如 {example}。</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Your role prints ID numbers masked only.</source>
        <translation>您的账户只能打印隐去中间位的身份证号码。</translation>
    </message>
    <message>
        <source>All stations</source>
        <translation>全部服务站</translation>
    </message>
    <message>
        <source>All villages</source>
        <translation>全部嘎查村</translation>
    </message>
    <message>
        <source>Generating {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <source>{title}, {period}: {pages} pages.</source>
        <translation>{title}（{period}）：共 {pages} 页。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为PDF</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <source>Sent {pages} pages to the printer.</source>
        <translation>已将 {pages} 页发送到打印机。</translation>
    </message>
</context>
<context>
    <name>ListItemDialog</name>
    <message>
        <source>Improvement for problem {number}</source>
        <translation>主要问题{number}的整改事项</translation>
    </message>
    <message>
        <source>List item</source>
        <translation>清单事项</translation>
    </message>
    <message>
        <source>New list item</source>
        <translation>新增清单事项</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>措施</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>ListsTab</name>
    <message>
        <source>Year </source>
        <translation>年份 </translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>亮点做法</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Plans for next quarter</source>
        <translation>下季打算</translation>
    </message>
    <message>
        <source>Write this quarter&apos;s summary…</source>
        <translation>填写本季度总结…</translation>
    </message>
    <message>
        <source>Quarterly summaries</source>
        <translation>季总结</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>主持</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Record a meeting…</source>
        <translation>记录专题会议…</translation>
    </message>
    <message>
        <source>Decision → task…</source>
        <translation>决定 → 工作任务…</translation>
    </message>
    <message>
        <source>Decision → list item…</source>
        <translation>决定 → 清单事项…</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>专题会议</translation>
    </message>
    <message>
        <source>List</source>
        <translation>清单</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Person responsible</source>
        <translation>责任人</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Improvement</source>
        <translation>整改事项</translation>
    </message>
    <message>
        <source>New list item…</source>
        <translation>新增清单事项…</translation>
    </message>
    <message>
        <source>Improvement for the problem…</source>
        <translation>针对主要问题整改…</translation>
    </message>
    <message>
        <source>Three lists</source>
        <translation>三个清单</translation>
    </message>
    <message>
        <source>There is no plan for this year.</source>
        <translation>本年度还没有工作方案。</translation>
    </message>
    <message>
        <source>Choose a row in the list first.</source>
        <translation>请先在列表中选择一行。</translation>
    </message>
    <message>
        <source>Choose a main problem in the list first.</source>
        <translation>请先在清单中选择一项主要问题。</translation>
    </message>
</context>
<context>
    <name>LockCover</name>
    <message>
        <source>Locked: {name} was away</source>
        <translation>已锁屏：{name}暂时离开</translation>
    </message>
    <message>
        <source>Enter the password to carry on; what you typed is still there. Someone else can log in instead.</source>
        <translation>输入密码继续工作，已填写的内容都还在。也可以由其他人用自己的账号登录。</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — {name}</source>
        <translation>登录 — {name}</translation>
    </message>
    <message>
        <source>Veterans service information system</source>
        <translation>退役军人服务信息系统</translation>
    </message>
    <message>
        <source>Your login name</source>
        <translation>您的登录名</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{installation} — {user} — Veterans Service Station</source>
        <translation>{installation} — {user} — 退役军人服务信息系统</translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>信息采集</translation>
    </message>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>走访慰问</translation>
    </message>
    <message>
        <source>Preferential cards</source>
        <translation>优待证</translation>
    </message>
    <message>
        <source>Hardship aid</source>
        <translation>困难帮扶</translation>
    </message>
    <message>
        <source>Disputes</source>
        <translation>矛盾纠纷</translation>
    </message>
    <message>
        <source>Employment</source>
        <translation>就业创业</translation>
    </message>
    <message>
        <source>Work checklist and assessment</source>
        <translation>工作清单/考核</translation>
    </message>
    <message>
        <source>Print ledgers</source>
        <translation>台账打印</translation>
    </message>
    <message>
        <source>Data exchange (USB)</source>
        <translation>数据交换（U盘）</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>User: {name} ({role})</source>
        <translation>当前用户：{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>ManualScoreDialog</name>
    <message>
        <source>Manual score {quarter}</source>
        <translation>事务局评定分 {quarter}</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>原始分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
</context>
<context>
    <name>MappingTable</name>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Header in the file</source>
        <translation>文件中的表头</translation>
    </message>
    <message>
        <source>Examples</source>
        <translation>示例数据</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <source>Record a meeting</source>
        <translation>记录专题会议</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议名称</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>季度</translation>
    </message>
    <message>
        <source>Chaired by</source>
        <translation>主持</translation>
    </message>
    <message>
        <source>Attendees</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Decisions (one a line)</source>
        <translation>会议决定（每行一项）</translation>
    </message>
</context>
<context>
    <name>MonthReportDialog</name>
    <message>
        <source>Monthly report {month}: task {number}</source>
        <translation>{month}月调度：任务{number}</translation>
    </message>
    <message>
        <source>target {target}</source>
        <translation>目标 {target}</translation>
    </message>
    <message>
        <source>computed: {indicator}</source>
        <translation>自动计算：{indicator}</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>完成情况</translation>
    </message>
    <message>
        <source>Indicator value</source>
        <translation>指标完成值</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>下步措施</translation>
    </message>
</context>
<context>
    <name>NewOptionDialog</name>
    <message>
        <source>New item in {list}</source>
        <translation>在「{list}」中添加选项</translation>
    </message>
    <message>
        <source>The code identifies the item in every installation and never changes; the label can be corrected later.</source>
        <translation>代码在各站和事务局中标识这一选项，设定后不再更改；名称以后可以修改。</translation>
    </message>
    <message>
        <source>letters, digits or _</source>
        <translation>字母、数字或下划线</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>This list already has an item with the code {code}.</source>
        <translation>此列表中已有代码为 {code} 的选项。</translation>
    </message>
</context>
<context>
    <name>OptionListsSection</name>
    <message>
        <source>Label</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Add item…</source>
        <translation>添加选项…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Setting…</source>
        <translation>设置…</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <source>Changes reach every station with the next data exchange. Items are retired, not deleted, so older records keep their label.</source>
        <translation>修改将随下次数据交换下发到各服务站。选项只能停用、不能删除，已有记录仍显示原名称。</translation>
    </message>
    <message>
        <source>The option lists are maintained by the Veterans Affairs Bureau for all stations; here they can only be viewed. Changes arrive with the data exchange.</source>
        <translation>选项列表由旗退役军人事务局统一维护，服务站只能查看；局里的修改随数据交换下发。</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>every {n} days</source>
        <translation>每 {n} 天</translation>
    </message>
    <message>
        <source>required</source>
        <translation>必交</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>非必交</translation>
    </message>
    <message>
        <source>Bring back</source>
        <translation>重新启用</translation>
    </message>
    <message>
        <source>Rename item</source>
        <translation>选项改名</translation>
    </message>
    <message>
        <source>New label for {label}:</source>
        <translation>「{label}」的新名称：</translation>
    </message>
    <message>
        <source>Visit cadence</source>
        <translation>走访周期</translation>
    </message>
    <message>
        <source>Visit {label} persons every how many days?</source>
        <translation>「{label}」等级的对象每隔多少天走访一次？</translation>
    </message>
    <message>
        <source>Option list not changed</source>
        <translation>选项列表未修改</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Lift an exclusion</source>
        <translation>解除不予发放情形</translation>
    </message>
    <message>
        <source>Why is it lifted?</source>
        <translation>解除理由</translation>
    </message>
</context>
<context>
    <name>OwnPasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <source>Type your current password first, then the new one twice.</source>
        <translation>请先输入当前密码，再输入两遍新密码。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
</context>
<context>
    <name>PartiesPicker</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Choose a ledger and a period, then press Generate to see it here.</source>
        <translation>请在左侧选择台账和统计期间，然后点击“生成”，在这里预览。</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Page {page} of {count}</source>
        <translation>第 {page} 页 共 {count} 页</translation>
    </message>
</context>
<context>
    <name>PeriodClosing</name>
    <message>
        <source>Close period…</source>
        <translation>关账…</translation>
    </message>
    <message>
        <source>Closed on {when} by {who}: this is the frozen copy.</source>
        <translation>已于 {when} 由 {who} 关账：此为封存的材料。</translation>
    </message>
    <message>
        <source>Not closed yet.</source>
        <translation>本期尚未关账。</translation>
    </message>
    <message>
        <source>Only the station head or the bureau can close a period.</source>
        <translation>只有站长或事务局可以关账。</translation>
    </message>
    <message>
        <source>A station closes its own pack; the bureau closes the county-wide one.</source>
        <translation>服务站的材料由服务站自己关账；事务局关账的是全旗汇总的材料。</translation>
    </message>
    <message>
        <source>Close the period</source>
        <translation>关账</translation>
    </message>
    <message>
        <source>Close {period} {title}? The pack is stored as it is now; later changes to this period are listed as corrections in the next pack.</source>
        <translation>确定对{period}的{title}关账吗？材料将按现在的内容封存；之后对本期记录的更正会列入下一期的材料。</translation>
    </message>
    <message>
        <source>Closing the period…</source>
        <translation>正在关账…</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
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
        <source>Date range</source>
        <translation>日期范围</translation>
    </message>
    <message>
        <source> (year)</source>
        <translation> 年</translation>
    </message>
    <message>
        <source>Month {n}</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <source>First quarter</source>
        <translation>第一季度</translation>
    </message>
    <message>
        <source>Second quarter</source>
        <translation>第二季度</translation>
    </message>
    <message>
        <source>Third quarter</source>
        <translation>第三季度</translation>
    </message>
    <message>
        <source>Fourth quarter</source>
        <translation>第四季度</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <source>Change status…</source>
        <translation>变更状态…</translation>
    </message>
    <message>
        <source>Transfer to another station…</source>
        <translation>转移到其他服务站…</translation>
    </message>
    <message>
        <source>Show full numbers…</source>
        <translation>显示完整号码…</translation>
    </message>
    <message>
        <source>Show this person&apos;s full ID and phone numbers (asks for a reason, which is recorded)</source>
        <translation>显示此人的完整身份证号码和电话号码（须说明理由，并记入审计）</translation>
    </message>
    <message>
        <source>Retype numbers…</source>
        <translation>重新录入号码…</translation>
    </message>
    <message>
        <source>Type new ID or phone numbers without seeing the stored ones</source>
        <translation>不查看原号码，直接录入新的身份证号码或电话号码</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Open the existing record</source>
        <translation>打开已有档案</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>Saved, but {missing} is missing: the person is marked 待补充 in the list until it is filled in.</source>
        <translation>已保存，但缺少{missing}：补全之前，此人在名单中标为“待补充”。</translation>
    </message>
    <message>
        <source>Not saved: {count} item(s) need correcting. {details}</source>
        <translation>未保存：有 {count} 项需要更正。{details}</translation>
    </message>
    <message>
        <source>The record of “{name}” has changes that are not saved.</source>
        <translation>「{name}」的档案有未保存的修改。</translation>
    </message>
    <message>
        <source>This record has changes that are not saved.</source>
        <translation>这份档案有未保存的修改。</translation>
    </message>
    <message>
        <source>Save first</source>
        <translation>请先保存</translation>
    </message>
    <message>
        <source>Please save or discard your edits before changing the status.</source>
        <translation>变更状态前，请先保存或放弃当前的修改。</translation>
    </message>
    <message>
        <source>Please save or discard your edits before transferring the person.</source>
        <translation>请先保存或放弃修改，再办理人员转移。</translation>
    </message>
</context>
<context>
    <name>PersonListPage</name>
    <message>
        <source>New person</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>Show full numbers…</source>
        <translation>显示完整号码…</translation>
    </message>
    <message>
        <source>Show the selected person&apos;s full ID and phone numbers (asks for a reason, which is recorded)</source>
        <translation>显示所选人员的完整身份证号码和电话号码（须说明理由，并记入审计）</translation>
    </message>
    <message>
        <source>{count} people in total</source>
        <translation>共 {count} 人</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>Name, pinyin initials, ID number or phone (2+ characters)</source>
        <translation>姓名、拼音首字母、身份证号或电话（至少2个字）</translation>
    </message>
    <message>
        <source>Pick the person from the suggestions (or clear the box).</source>
        <translation>请从下拉列表中选择人员（或清空此栏）。</translation>
    </message>
    <message>
        <source>Pick the person from the suggestions.</source>
        <translation>请从下拉列表中选择人员。</translation>
    </message>
    <message>
        <source>No person matches “{text}”.</source>
        <translation>没有与“{text}”相符的人员。</translation>
    </message>
    <message>
        <source>Anonymous walk-in: leave empty.</source>
        <translation>来访群众不登记姓名时，此栏留空即可。</translation>
    </message>
</context>
<context>
    <name>PersonTableModel</name>
    <message>
        <source>To complete: {missing}</source>
        <translation>待补充：{missing}</translation>
    </message>
</context>
<context>
    <name>PhotoBox</name>
    <message>
        <source>Choose photo…</source>
        <translation>选择照片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除照片</translation>
    </message>
    <message>
        <source>Photo missing</source>
        <translation>照片文件缺失</translation>
    </message>
    <message>
        <source>No photo</source>
        <translation>暂无照片</translation>
    </message>
    <message>
        <source>Choose a photo</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Pictures (*.jpg *.jpeg *.png)</source>
        <translation>图片 (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>This file is not a picture that can be shown.</source>
        <translation>此文件不是可以显示的图片。</translation>
    </message>
</context>
<context>
    <name>PhotoList</name>
    <message>
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.bmp)</translation>
    </message>
    <message>
        <source>Photo not found: {path}</source>
        <translation>找不到照片：{path}</translation>
    </message>
</context>
<context>
    <name>PlanHeaderDialog</name>
    <message>
        <source>Edit the plan of {year}</source>
        <translation>编辑{year}年工作方案</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>方案名称</translation>
    </message>
    <message>
        <source>Learn/surpass</source>
        <translation>学习/赶超</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>对标对象</translation>
    </message>
    <message>
        <source>Studied for</source>
        <translation>学习借鉴内容</translation>
    </message>
    <message>
        <source>Benchmarks</source>
        <translation>对标对象</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>职位</translation>
    </message>
    <message>
        <source>Office held</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Leading group</source>
        <translation>领导小组</translation>
    </message>
    <message>
        <source>Office at</source>
        <translation>办公室设在</translation>
    </message>
    <message>
        <source>Office head</source>
        <translation>办公室主任</translation>
    </message>
    <message>
        <source>Liaison</source>
        <translation>联络员</translation>
    </message>
</context>
<context>
    <name>PlanModel</name>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>公民身份号码</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>Reason / details</source>
        <translation>原因 / 说明</translation>
    </message>
</context>
<context>
    <name>PlanPage</name>
    <message>
        <source>Work checklist and assessment</source>
        <translation>工作清单与考核</translation>
    </message>
    <message>
        <source>Plan and tasks</source>
        <translation>方案与任务</translation>
    </message>
    <message>
        <source>Monthly progress</source>
        <translation>月调度</translation>
    </message>
    <message>
        <source>Summaries, meetings, lists</source>
        <translation>季总结·会议·清单</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>考核赋分</translation>
    </message>
    <message>
        <source>Benchmark dashboard</source>
        <translation>对标看板</translation>
    </message>
</context>
<context>
    <name>PlanSettingsDialog</name>
    <message>
        <source>Work plan settings</source>
        <translation>工作方案设置</translation>
    </message>
    <message>
        <source>Monthly report due on day</source>
        <translation>月调度截止日（每月几日）</translation>
    </message>
    <message>
        <source>Stations also see every station&apos;s score and rank</source>
        <translation>服务站也能看到各站得分和排名</translation>
    </message>
    <message>
        <source>Published comparison</source>
        <translation>发布的对标情况</translation>
    </message>
</context>
<context>
    <name>ProgressTab</name>
    <message>
        <source>Month {n}</source>
        <translation>{n}月</translation>
    </message>
    <message>
        <source>Report progress…</source>
        <translation>填报月调度…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务事项</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>量化指标</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月完成情况</translation>
    </message>
    <message>
        <source>not reported</source>
        <translation>未报</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>指标值</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>报送日期</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Due on the {day}th of each month. {count} tasks for this unit.</source>
        <translation>每月{day}日前报送。本单位共{count}项任务。</translation>
    </message>
    <message>
        <source>There is no plan for this year.</source>
        <translation>本年度还没有工作方案。</translation>
    </message>
    <message>
        <source>Not reported for {month}: {units} units, {tasks} tasks</source>
        <translation>{month}未报月调度：{units}个单位，{tasks}项任务</translation>
    </message>
    <message>
        <source>Nobody owes a report for {month} (or its due day has not passed).</source>
        <translation>{month}没有未报的月调度（或截止日未到）。</translation>
    </message>
    <message>
        <source>Choose a task in the list first.</source>
        <translation>请先在列表中选择一项任务。</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Why are the full numbers needed? Choose or type a reason (it is recorded):</source>
        <translation>为什么需要完整号码？请选择或填写理由（将记入审计记录）：</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RegistryPage</name>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>RegistryTransfer</name>
    <message>
        <source>Export to Excel…</source>
        <translation>导出Excel…</translation>
    </message>
    <message>
        <source>Import roster…</source>
        <translation>导入花名册…</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出Excel</translation>
    </message>
    <message>
        <source>Export ID and phone numbers in full</source>
        <translation>导出完整的身份证号码和电话</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Exported to {path}</source>
        <translation>已导出到 {path}</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Double-click a record to open the person in the registry.</source>
        <translation>双击记录可在信息采集中打开此人档案。</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as JSON…</source>
        <translation>保存为JSON…</translation>
    </message>
    <message>
        <source>New changes received: {new}; already here: {known}.</source>
        <translation>新收到修改 {new} 条，已有 {known} 条。</translation>
    </message>
    <message>
        <source>Held records now applied: {n}.</source>
        <translation>此前暂缓、现已写入的记录 {n} 条。</translation>
    </message>
    <message>
        <source>Receipts accepted: {n}.</source>
        <translation>收到回执 {n} 份。</translation>
    </message>
    <message>
        <source>… and {n} more (not listed)</source>
        <translation>…… 另有 {n} 条（未列出）</translation>
    </message>
    <message>
        <source>Not here yet</source>
        <translation>本机还没有这条记录</translation>
    </message>
    <message>
        <source>This record is not in this computer&apos;s data (yet): a dry run writes nothing, and only records of persons open in the registry.</source>
        <translation>本机数据中（还）没有这条记录：试导入不写入任何数据，且只有人员相关的记录能在信息采集中打开。</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>把报告保存为PDF</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>正在生成PDF…</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <source>The report was saved to {path}.</source>
        <translation>报告已保存到 {path}。</translation>
    </message>
    <message>
        <source>Save the report as JSON</source>
        <translation>把报告保存为JSON</translation>
    </message>
    <message>
        <source>The report could not be saved: {why}</source>
        <translation>报告未能保存：{why}</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password of {name}</source>
        <translation>重设{name}的密码</translation>
    </message>
    <message>
        <source>Use this when {name} has forgotten the password. The old password stops working at once.</source>
        <translation>{name}忘记密码时使用。重设后原密码立即失效。</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
</context>
<context>
    <name>RosterImportWizard</name>
    <message>
        <source>Import a roster (.xlsx)</source>
        <translation>导入花名册（.xlsx）</translation>
    </message>
    <message>
        <source>Download template…</source>
        <translation>下载模板…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The roster workbook (.xlsx)</source>
        <translation>花名册文件（.xlsx）</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>The header may sit below a title row or two; columns may be called as your roster calls them. You will check which column is which, then see what would happen to every row before anything is imported. Rows already registered (same ID number) are updated; blank cells never erase data. Old .xls files: save them as .xlsx in Excel first.</source>
        <translation>表头上方可以有一两行标题；各列可以沿用本站花名册的叫法。下一步先核对每一列对应的项目，再预览每一行将如何处理，确认后才会导入。已登记的人员（身份证号码相同）会被更新，空白格不会清除已有信息。旧版 .xls 文件请先在 Excel 中另存为 .xlsx。</translation>
    </message>
    <message>
        <source>These people belong to station</source>
        <translation>这些人员所属的服务站</translation>
    </message>
    <message>
        <source>Choose a station</source>
        <translation>请选择服务站</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <source>Refused rows</source>
        <translation>拒绝的行</translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation>跳过的行</translation>
    </message>
    <message>
        <source>New people</source>
        <translation>新建的人员</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>更新的人员</translation>
    </message>
    <message>
        <source>Rows with a note</source>
        <translation>有提示的行</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Add them to the station&apos;s villages</source>
        <translation>添加到本站嘎查村名单</translation>
    </message>
    <message>
        <source>Keep the name as text</source>
        <translation>按文字保留名称</translation>
    </message>
    <message>
        <source>Leave the village empty</source>
        <translation>不填写所属嘎查村</translation>
    </message>
    <message>
        <source>Villages added here can be renamed or removed later in Settings → Villages.</source>
        <translation>在此添加的嘎查村，之后可在“设置 → 嘎查村”中改名或删除。</translation>
    </message>
    <message>
        <source>Import a roster — 1. Choose the file</source>
        <translation>导入花名册 — 第1步：选择文件</translation>
    </message>
    <message>
        <source>An Excel roster (.xlsx) as the station keeps it, or the template filled in.</source>
        <translation>本站现有的 Excel 花名册（.xlsx），或按导入模板填写的文件。</translation>
    </message>
    <message>
        <source>Import a roster — 2. Check the columns</source>
        <translation>导入花名册 — 第2步：核对各列</translation>
    </message>
    <message>
        <source>Import a roster — 3. Check every row</source>
        <translation>导入花名册 — 第3步：逐行核对</translation>
    </message>
    <message>
        <source>Nothing has been imported yet. Refused and skipped rows are left out; fix them in the file and import again if needed.</source>
        <translation>尚未导入任何数据。拒绝和跳过的行不会导入；如需导入，请在文件中改正后再导入一次。</translation>
    </message>
    <message>
        <source>Import a roster — done</source>
        <translation>导入花名册 — 完成</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header found in row {row}. Correct any column that is matched wrongly; your choices are remembered for the next roster.</source>
        <translation>工作表「{sheet}」，表头在第 {row} 行。如有对应错误的列，请在右侧更正；您的选择会记住，下次导入时自动使用。</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Check rows</source>
        <translation>预览检查</translation>
    </message>
    <message>
        <source>Import {count} rows</source>
        <translation>导入 {count} 条</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Choose the roster</source>
        <translation>选择花名册</translation>
    </message>
    <message>
        <source>Reading the roster…</source>
        <translation>正在读取花名册…</translation>
    </message>
    <message>
        <source>Choose the station these people belong to.</source>
        <translation>请选择这些人员所属的服务站。</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>正在逐行检查…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Imported: {created} new, {updated} updated.</source>
        <translation>导入完成：新建 {created} 人，更新 {updated} 人。</translation>
    </message>
    <message>
        <source>{count} villages were added to the station&apos;s list.</source>
        <translation>已向本站嘎查村名单添加 {count} 个嘎查村。</translation>
    </message>
    <message>
        <source>The data before the import was backed up to {path}.</source>
        <translation>导入前的数据已备份到 {path}。</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>Template saved to {path}</source>
        <translation>导入模板已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>SchemeDialog</name>
    <message>
        <source>Scoring scheme of {year} (version {v})</source>
        <translation>{year}年考核赋分方案（第{v}版）</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <source>Saving makes a new version of the scheme; confirmed scores keep the version they were confirmed with.</source>
        <translation>保存后方案升一个版本；已确认的分数仍按确认时的版本，不会改变。</translation>
    </message>
    <message>
        <source>Not saved: {reasons}</source>
        <translation>未保存：{reasons}</translation>
    </message>
</context>
<context>
    <name>SchemeItemsEditor</name>
    <message>
        <source>Add item</source>
        <translation>增加项目</translation>
    </message>
    <message>
        <source>Remove item</source>
        <translation>删除项目</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>所属方面</translation>
    </message>
    <message>
        <source>Full marks</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Weight (%)</source>
        <translation>权重（%）</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>计算指标</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>计分规则</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>0 points at (% of target)</source>
        <translation>零分点（占目标值%）</translation>
    </message>
    <message>
        <source>Full marks at (% of target)</source>
        <translation>满分点（占目标值%）</translation>
    </message>
    <message>
        <source>Points off per item</source>
        <translation>每项扣分</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新考核项目</translation>
    </message>
    <message>
        <source>Entered by the bureau for each station and quarter, with a reason.</source>
        <translation>由事务局按服务站、按季度评定，并写明理由。</translation>
    </message>
    <message>
        <source>Full marks less {per} points for each one counted, not below 0.</source>
        <translation>每计一项扣{per}分，扣完为止（不低于0分）。</translation>
    </message>
    <message>
        <source>0 points at {zero}{unit} or less, full marks at {full}{unit} or more, straight between.</source>
        <translation>{zero}{unit}及以下得0分，{full}{unit}及以上得满分，其间按比例计分。</translation>
    </message>
    <message>
        <source>Weights total {total}.</source>
        <translation>权重合计{total}。</translation>
    </message>
    <message>
        <source>Weights total {total}; they must total {needed} before the scheme can be saved.</source>
        <translation>权重合计{total}，须为{needed}才能保存。</translation>
    </message>
    <message>
        <source>A weight is not a number; the weights must total {needed}.</source>
        <translation>有权重不是数字；权重合计须为{needed}。</translation>
    </message>
</context>
<context>
    <name>ScoresTab</name>
    <message>
        <source>First quarter</source>
        <translation>第一季度</translation>
    </message>
    <message>
        <source>Second quarter</source>
        <translation>第二季度</translation>
    </message>
    <message>
        <source>Third quarter</source>
        <translation>第三季度</translation>
    </message>
    <message>
        <source>Fourth quarter</source>
        <translation>第四季度</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Start the year&apos;s scheme</source>
        <translation>建立本年考核方案</translation>
    </message>
    <message>
        <source>Edit the scheme…</source>
        <translation>修改方案…</translation>
    </message>
    <message>
        <source>Manual score…</source>
        <translation>录入评定分…</translation>
    </message>
    <message>
        <source>Confirm the quarter</source>
        <translation>确认本季度分数</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Full marks</source>
        <translation>满分</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>计分方式</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Recomputed now</source>
        <translation>现在重算</translation>
    </message>
    <message>
        <source>Manual points missing</source>
        <translation>未录入的评定分</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>指标值</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>原始分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>There is no scoring scheme for {year} yet.</source>
        <translation>还没有{year}年的考核赋分方案。</translation>
    </message>
    <message>
        <source>yes, version {v}</source>
        <translation>是（第{v}版）</translation>
    </message>
    <message>
        <source>Confirmed: the scores are frozen; a recompute that differs is shown in red.</source>
        <translation>已确认：分数已冻结；重新计算如有差异以红色显示。</translation>
    </message>
    <message>
        <source>Not confirmed: the scores follow the data.</source>
        <translation>未确认：分数随数据变化。</translation>
    </message>
    <message>
        <source>Scheme of {year}, version {v}. </source>
        <translation>{year}年考核方案（第{v}版）。</translation>
    </message>
    <message>
        <source>The year&apos;s score sums the year&apos;s data.</source>
        <translation>年度得分按全年数据计算。</translation>
    </message>
    <message>
        <source>The scheme of {year} was started from the default scheme.</source>
        <translation>已按默认方案建立{year}年考核方案。</translation>
    </message>
    <message>
        <source>The scores of {period} are confirmed and frozen.</source>
        <translation>{period}的考核分数已确认并冻结。</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <source>New service record</source>
        <translation>新建服务记录</translation>
    </message>
    <message>
        <source>Person served</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>服务日期</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>服务方式</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Handled by</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>服务内容</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>办理结果</translation>
    </message>
    <message>
        <source>A 代办 item (tracked until done)</source>
        <translation>代办事项（跟踪到办结）</translation>
    </message>
    <message>
        <source>Agency item</source>
        <translation>代办</translation>
    </message>
    <message>
        <source>Needs a follow-up</source>
        <translation>需要回访</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Follow-up date</source>
        <translation>回访日期</translation>
    </message>
</context>
<context>
    <name>ServiceSection</name>
    <message>
        <source>Enlisted a second time</source>
        <translation>二次入伍</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Service records</source>
        <translation>服务记录</translation>
    </message>
    <message>
        <source>New service record… (Ctrl+N)</source>
        <translation>新建服务记录…（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>系统设置</translation>
    </message>
    <message>
        <source>Accounts, villages, option lists, backups and facts about this installation.</source>
        <translation>账号、嘎查村、选项列表、数据备份和本单位信息。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账号管理</translation>
    </message>
    <message>
        <source>Villages</source>
        <translation>嘎查村</translation>
    </message>
    <message>
        <source>Option lists</source>
        <translation>选项列表</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>数据备份</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>First start</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <source>This computer serves</source>
        <translation>本机用于</translation>
    </message>
    <message>
        <source>This data folder is already set up as “{name}” ({kind}). Create its first administrator.</source>
        <translation>此数据目录已设置为“{name}”（{kind}）。请创建第一个管理员账号。</translation>
    </message>
    <message>
        <source>First administrator</source>
        <translation>第一个管理员</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎使用</translation>
    </message>
    <message>
        <source>This is the first start of the program with this data folder. Say which office this computer serves and create the first administrator account.</source>
        <translation>这是本程序首次使用此数据目录。请选择本机所属的单位，并创建第一个管理员账号。</translation>
    </message>
    <message>
        <source>A service station</source>
        <translation>退役军人服务站</translation>
    </message>
    <message>
        <source>The Veterans Affairs Bureau</source>
        <translation>退役军人事务局</translation>
    </message>
    <message>
        <source>A station, from the enrollment file</source>
        <translation>服务站（使用登记文件）</translation>
    </message>
    <message>
        <source>Another station (type its code and name)</source>
        <translation>其他服务站（手动填写代码和名称）</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>服务站代码</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>服务站名称</translation>
    </message>
    <message>
        <source>Bureau name</source>
        <translation>事务局名称</translation>
    </message>
    <message>
        <source>the .vse file from the bureau</source>
        <translation>事务局提供的 .vse 文件</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Enrollment file</source>
        <translation>登记文件</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Open the enrollment file</source>
        <translation>打开登记文件</translation>
    </message>
    <message>
        <source>Enrollment files (*.vse);;All files (*)</source>
        <translation>登记文件 (*.vse);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>letters and digits</source>
        <translation>字母和数字</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>至少{n}位</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Role: {role}</source>
        <translation>角色：{role}</translation>
    </message>
    <message>
        <source>Choose the enrollment file the bureau gave you.</source>
        <translation>请选择事务局提供的登记文件。</translation>
    </message>
    <message>
        <source>Type the passphrase the bureau told you.</source>
        <translation>请输入事务局告知的口令。</translation>
    </message>
    <message>
        <source>The station code is 9 to 12 digits (the statistical division code), for example 150626100.</source>
        <translation>服务站代码为9到12位数字（统计用区划代码），例如 150626100。</translation>
    </message>
    <message>
        <source>Please enter the station&apos;s name.</source>
        <translation>请填写服务站名称。</translation>
    </message>
    <message>
        <source>Please enter the bureau&apos;s name.</source>
        <translation>请填写事务局名称。</translation>
    </message>
    <message>
        <source>Use letters and digits without spaces.</source>
        <translation>登录名请用字母和数字，不含空格。</translation>
    </message>
    <message>
        <source>Please enter the administrator&apos;s full name.</source>
        <translation>请填写管理员姓名。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密码至少需要{n}位。</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>StaffPicker</name>
    <message>
        <source>Others, separated by 、</source>
        <translation>其他人员，用“、”分隔</translation>
    </message>
</context>
<context>
    <name>StationsTable</name>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Last bundle received</source>
        <translation>最近收到</translation>
    </message>
    <message>
        <source>Last bundle sent</source>
        <translation>最近发出</translation>
    </message>
    <message>
        <source>Confirmed by the station</source>
        <translation>服务站已确认</translation>
    </message>
    <message>
        <source>Persons held there</source>
        <translation>在册人员</translation>
    </message>
    <message>
        <source>Changes waiting to go</source>
        <translation>待发修改</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>{when} (no. {n})</source>
        <translation>{when}（第 {n} 号）</translation>
    </message>
    <message>
        <source>{when}, {n} changes</source>
        <translation>{when}，{n} 条修改</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Change status of {name}</source>
        <translation>变更{name}的人员状态</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>SummaryDialog</name>
    <message>
        <source>Quarterly summary {quarter}</source>
        <translation>季总结 {quarter}</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>成效</translation>
    </message>
    <message>
        <source>Highlights</source>
        <translation>亮点做法</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在问题</translation>
    </message>
    <message>
        <source>Plans for next quarter</source>
        <translation>下季打算</translation>
    </message>
</context>
<context>
    <name>TagsEdit</name>
    <message>
        <source>Separate tags with 、 or spaces</source>
        <translation>多个标签用“、”或空格分隔</translation>
    </message>
</context>
<context>
    <name>TaskDialog</name>
    <message>
        <source>New task</source>
        <translation>新增任务</translation>
    </message>
    <message>
        <source>Task {number}</source>
        <translation>任务{number}</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务事项</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>量化指标</translation>
    </message>
    <message>
        <source>Target unit</source>
        <translation>目标单位</translation>
    </message>
    <message>
        <source>(typed in by the unit)</source>
        <translation>（由责任单位填写）</translation>
    </message>
    <message>
        <source>Measured by</source>
        <translation>计算指标</translation>
    </message>
    <message>
        <source>empty: the area&apos;s</source>
        <translation>空则沿用领域的</translation>
    </message>
    <message>
        <source>Leading officials</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>TasksTab</name>
    <message>
        <source>Year </source>
        <translation>年份 </translation>
    </message>
    <message>
        <source>Start from the template</source>
        <translation>按模板建立方案</translation>
    </message>
    <message>
        <source>Copy last year&apos;s plan</source>
        <translation>复制上年方案</translation>
    </message>
    <message>
        <source>Edit plan…</source>
        <translation>编辑方案…</translation>
    </message>
    <message>
        <source>Edit area…</source>
        <translation>编辑领域…</translation>
    </message>
    <message>
        <source>New task…</source>
        <translation>新增任务…</translation>
    </message>
    <message>
        <source>Edit task…</source>
        <translation>编辑任务…</translation>
    </message>
    <message>
        <source>Confirm completed…</source>
        <translation>确认完成…</translation>
    </message>
    <message>
        <source>Plan settings…</source>
        <translation>方案设置…</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务事项</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>量化指标</translation>
    </message>
    <message>
        <source>Leading officials</source>
        <translation>牵头领导</translation>
    </message>
    <message>
        <source>Responsible units</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>完成时限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>There is no plan for {year} yet.</source>
        <translation>还没有{year}年的工作方案。</translation>
    </message>
    <message>
        <source>Start it from the built-in template (the 2022 plan) or copy last year&apos;s plan.</source>
        <translation>可按内置模板（2022年方案）建立，或复制上年方案。</translation>
    </message>
    <message>
        <source>The bureau makes the plan; it arrives with the next bundle from the bureau.</source>
        <translation>工作方案由事务局制定，随事务局的下一个数据包到达本站。</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部领域</translation>
    </message>
    <message>
        <source>Benchmarks: {list}</source>
        <translation>对标对象：{list}</translation>
    </message>
    <message>
        <source>Leading group: {list}</source>
        <translation>领导小组：{list}</translation>
    </message>
    <message>
        <source>Office head: {head}  Liaison: {liaison}</source>
        <translation>办公室主任：{head}  联络员：{liaison}</translation>
    </message>
    <message>
        <source>{count} tasks, {late} late</source>
        <translation>共{count}项任务，滞后{late}项</translation>
    </message>
    <message>
        <source>The plan of {year} was started from the template.</source>
        <translation>已按模板建立{year}年工作方案。</translation>
    </message>
    <message>
        <source>Last year&apos;s plan was copied to {year}.</source>
        <translation>已将上年方案复制为{year}年方案。</translation>
    </message>
    <message>
        <source>Choose a task in the list first.</source>
        <translation>请先在列表中选择一项任务。</translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Nothing recorded for this person yet.</source>
        <translation>该人员尚无服务记录。</translation>
    </message>
    <message>
        <source>Double-click an item to open it.</source>
        <translation>双击一项即可打开。</translation>
    </message>
    <message>
        <source>New service record…</source>
        <translation>新建服务记录…</translation>
    </message>
    <message>
        <source>Record a visit…</source>
        <translation>登记走访…</translation>
    </message>
    <message>
        <source>New employment record…</source>
        <translation>新建就业创业记录…</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer {name} to another station</source>
        <translation>将{name}转移到其他服务站</translation>
    </message>
    <message>
        <source>Now belongs to: {station}</source>
        <translation>现属：{station}</translation>
    </message>
    <message>
        <source>Earlier transfers:</source>
        <translation>以往转移记录：</translation>
    </message>
    <message>
        <source>The new station receives the whole record with its next bundle from the bureau; the old station keeps the person as moved out.</source>
        <translation>新服务站在下次收到事务局的数据包时得到此人的全部档案；原服务站保留此人，显示为“迁出”。</translation>
    </message>
    <message>
        <source>Move to</source>
        <translation>转入服务站</translation>
    </message>
    <message>
        <source>Transfer date</source>
        <translation>转移日期</translation>
    </message>
    <message>
        <source>e.g. moved in with children</source>
        <translation>如：随子女迁居</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>转移原因</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>转移</translation>
    </message>
    <message>
        <source>Please choose the station the person moves to.</source>
        <translation>请选择此人转入的服务站。</translation>
    </message>
    <message>
        <source>Please enter the transfer date.</source>
        <translation>请填写转移日期。</translation>
    </message>
</context>
<context>
    <name>UnavailablePage</name>
    <message>
        <source>This area is not available yet in this version.</source>
        <translation>本版本暂未开放此功能。</translation>
    </message>
</context>
<context>
    <name>Unmask</name>
    <message>
        <source>Show the full ID and phone numbers</source>
        <translation>显示完整号码</translation>
    </message>
</context>
<context>
    <name>VillagePicker</name>
    <message>
        <source>New village…</source>
        <translation>新增嘎查村…</translation>
    </message>
    <message>
        <source>New village</source>
        <translation>新增嘎查村</translation>
    </message>
    <message>
        <source>Name of the 嘎查 or 村 (as on official documents):</source>
        <translation>嘎查或村的名称（与正式文件一致）：</translation>
    </message>
    <message>
        <source>Village not added</source>
        <translation>未能添加嘎查村</translation>
    </message>
</context>
<context>
    <name>VillagesSection</name>
    <message>
        <source>Station</source>
        <translation>服务站</translation>
    </message>
    <message>
        <source>Village (嘎查/村)</source>
        <translation>嘎查村</translation>
    </message>
    <message>
        <source>Persons registered</source>
        <translation>登记人数</translation>
    </message>
    <message>
        <source>Add village…</source>
        <translation>添加嘎查村…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Add published list…</source>
        <translation>添加标准名单…</translation>
    </message>
    <message>
        <source>The villages offered in the person form and the ledger filters. A village where people are registered cannot be removed; correct a wrong name by renaming it.</source>
        <translation>信息采集表和台账筛选中可选的嘎查村。已有服务对象登记的嘎查村不能删除；名称有误请改名。</translation>
    </message>
    <message>
        <source>Adds the {count} published 嘎查村 of this 苏木镇 that the list lacks: {names}</source>
        <translation>添加本苏木镇标准名单中本站还没有的 {count} 个嘎查村：{names}</translation>
    </message>
    <message>
        <source>Every published 嘎查村 of this 苏木镇 is on the list (or was removed here).</source>
        <translation>本苏木镇标准名单中的嘎查村都已在本站名单中（或已被本站删除）。</translation>
    </message>
    <message>
        <source>Add village</source>
        <translation>添加嘎查村</translation>
    </message>
    <message>
        <source>Name of the 嘎查 or 村 (as on official documents):</source>
        <translation>嘎查或村的名称（与正式文件一致）：</translation>
    </message>
    <message>
        <source>Village not added</source>
        <translation>嘎查村未添加</translation>
    </message>
    <message>
        <source>Add published list</source>
        <translation>添加标准名单</translation>
    </message>
    <message>
        <source>Add these {count} 嘎查村 to the list?

{names}</source>
        <translation>把以下 {count} 个嘎查村加入本站名单？

{names}</translation>
    </message>
    <message>
        <source>Villages not added</source>
        <translation>嘎查村未添加</translation>
    </message>
    <message>
        <source>Rename village</source>
        <translation>嘎查村改名</translation>
    </message>
    <message>
        <source>New name for {name}:</source>
        <translation>「{name}」的新名称：</translation>
    </message>
    <message>
        <source>Village not renamed</source>
        <translation>嘎查村未改名</translation>
    </message>
    <message>
        <source>Remove village</source>
        <translation>删除嘎查村</translation>
    </message>
    <message>
        <source>Remove {name} from the list of villages?</source>
        <translation>要从嘎查村列表中删除「{name}」吗？</translation>
    </message>
    <message>
        <source>Village not removed</source>
        <translation>嘎查村未删除</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Record a visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <source>Person visited</source>
        <translation>被走访人</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>走访日期</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <source>Visited by</source>
        <translation>走访人</translation>
    </message>
    <message>
        <source>Way</source>
        <translation>走访方式</translation>
    </message>
    <message>
        <source>Money (yuan)</source>
        <translation>慰问金（元）</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>走访内容</translation>
    </message>
    <message>
        <source>Requests raised</source>
        <translation>反馈诉求</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>慰问物</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>照片</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <source>Visits</source>
        <translation>走访慰问</translation>
    </message>
    <message>
        <source>Record a visit… (Ctrl+N)</source>
        <translation>登记走访…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Visit records</source>
        <translation>走访记录</translation>
    </message>
    <message>
        <source>Due and overdue ({count}, {overdue} overdue)</source>
        <translation>待走访（{count} 人，逾期 {overdue} 人）</translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>Persons registered (active)</source>
        <translation>在册人员</translation>
    </message>
    <message>
        <source>Under key focus</source>
        <translation>重点关注</translation>
    </message>
    <message>
        <source>Registered this month</source>
        <translation>本月新建档</translation>
    </message>
    <message>
        <source>Changes for the bureau</source>
        <translation>要交给事务局的修改</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <source>Export a bundle…</source>
        <translation>导出数据包…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>嘎查村</translation>
    </message>
    <message>
        <source>Identities</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>No persons registered yet. Add the first one under “Registry”.</source>
        <translation>尚未登记任何人员。请在“信息采集”中添加第一位。</translation>
    </message>
    <message>
        <source>Recently changed persons</source>
        <translation>最近更新的人员</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>服务对象</translation>
    </message>
    <message>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <source>Nothing is due or overdue.</source>
        <translation>没有到期或逾期的事项。</translation>
    </message>
    <message>
        <source>The program backs up every day after log-in.</source>
        <translation>登录后程序每天自动备份一次。</translation>
    </message>
    <message>
        <source>Resolve them under “Data exchange”.</source>
        <translation>请在“数据交换”中处理。</translation>
    </message>
    <message>
        <source>Nothing waits.</source>
        <translation>没有待处理的事项。</translation>
    </message>
    <message>
        <source>{count} changes have not reached the bureau yet:</source>
        <translation>有 {count} 条修改还没交给事务局：</translation>
    </message>
    <message>
        <source>The bureau has every change.</source>
        <translation>所有修改都已交给事务局。</translation>
    </message>
    <message>
        <source>The bureau confirmed up to {date}.</source>
        <translation>事务局已确认到 {date}。</translation>
    </message>
    <message>
        <source>; {count} conflicts to resolve</source>
        <translation>；另有 {count} 条冲突待解决</translation>
    </message>
    <message>
        <source>{count} items, {overdue} overdue</source>
        <translation>共 {count} 项，逾期 {overdue} 项</translation>
    </message>
    <message>
        <source> (the first {shown} are listed)</source>
        <translation>（列出最早的 {shown} 项）</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>到期与逾期</translation>
    </message>
    <message>
        <source>Conflicts and duplicates to resolve</source>
        <translation>待解决的冲突与重复人员</translation>
    </message>
    <message>
        <source>Today is {date}</source>
        <translation>今天是 {date}</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>尚无备份</translation>
    </message>
</context>
<context>
    <name>WriteDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>至少 {n} 位</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>再输入一遍</translation>
    </message>
    <message>
        <source>Repeat it</source>
        <translation>确认密码</translation>
    </message>
    <message>
        <source>The two passwords typed differ. Please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>_FileField</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
</context>
<context>
    <name>run_task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
</TS>
