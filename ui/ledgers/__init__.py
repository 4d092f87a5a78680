"""台账打印 and Excel in the GUI: the ledger page, the roster import wizard, the registry's Excel buttons.

    from ui.ledgers import LedgerPage, RosterImportWizard
"""
from ui.ledgers.import_wizard import RosterImportWizard
from ui.ledgers.ledger_page import LedgerPage

__all__ = ["LedgerPage", "RosterImportWizard"]
