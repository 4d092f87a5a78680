<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BasicSection</name>
    <message>
        <source>Give this person special attention</source>
        <translation>对此人重点关注</translation>
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
    <name>DisabilitySection</name>
    <message>
        <source>Only for people registered as {names}; tick the category under 人员类别 first.</source>
        <translation>仅适用于{names}；请先在“人员类别”中勾选相应类别。</translation>
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
        <source>Not saved: {count} item(s) need correcting. {details}</source>
        <translation>未保存：有 {count} 项需要更正。{details}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>This record has changes that are not saved. Discard them?</source>
        <translation>此档案有尚未保存的修改。要放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Save first</source>
        <translation>请先保存</translation>
    </message>
    <message>
        <source>Please save or discard your edits before changing the status.</source>
        <translation>变更状态前，请先保存或放弃当前的修改。</translation>
    </message>
</context>
<context>
    <name>PersonListPage</name>
    <message>
        <source>New person</source>
        <translation>新建档案</translation>
    </message>
    <message>
        <source>{count} people in total</source>
        <translation>共 {count} 人</translation>
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
    <name>RegistryPage</name>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
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
    <name>StatusDialog</name>
    <message>
        <source>Change status of {name}</source>
        <translation>变更{name}的人员状态</translation>
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
    <name>UnavailablePage</name>
    <message>
        <source>This area is not available yet in this version.</source>
        <translation>本版本暂未开放此功能。</translation>
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
    <name>Workbench</name>
    <message>
        <source>Workbench</source>
        <translation>工作台</translation>
    </message>
    <message>
        <source>USB data exchange with the bureau is not available yet in this version.</source>
        <translation>本版本暂未开放与事务局的U盘数据交换。</translation>
    </message>
    <message>
        <source>USB data exchange with the stations is not available yet in this version.</source>
        <translation>本版本暂未开放与服务站的U盘数据交换。</translation>
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
        <source>Changes not yet sent</source>
        <translation>尚未报送的变更</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>最近备份</translation>
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
        <source>Visits that are due or overdue will appear here once the visits module is available.</source>
        <translation>到期和逾期的走访将在走访慰问模块开放后显示在这里。</translation>
    </message>
    <message>
        <source>Overdue cases (hardship aid, disputes, preferential cards) will appear here once the casework modules are available.</source>
        <translation>逾期事项（困难帮扶、矛盾纠纷、优待证）将在相应业务模块开放后显示在这里。</translation>
    </message>
    <message>
        <source>Due and overdue</source>
        <translation>到期与逾期</translation>
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
    <name>run_task</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
