"""Casework areas of the main window (服务记录, 走访慰问, 就业创业, 优待证, 困难帮扶, 矛盾纠纷).

Every area page is a CaseAreaPage (ui.casework.page): a filtered, paged case list with export, a
detail panel with one button per legal step, and a dialog to record a new case. The shared parts:

    ui.casework.fields       PersonPicker, StaffPicker, and the registry's DateEdit / MoneyEdit / …
    ui.casework.forms        RecordDialog (a new record), StepDialog (one workflow step), ReasonDialog
    ui.casework.case_list    CaseColumn, CaseTableModel, CaseFilters, CaseBrowser (list + count + export)
    ui.casework.detail       CaseDetail (fields, event trail, legal-step buttons)
    ui.casework.page         CaseAreaPage (what an area subclasses)
"""
