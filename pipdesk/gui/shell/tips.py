"""What each action of the window does, in a sentence: its tooltip and its status tip (see actions.py)."""

#: What each action does, in a sentence: its tooltip, and its status tip in the status bar.
TIPS: dict[str, str] = {
    "actionNewPlanBook": "Start an empty plan book in a new file",
    "actionOpen": "Open another plan book",
    "actionSaveCopy": "Save a copy of this plan book under another name",
    "actionRestoreBackup": "Replace this plan book with one of its dated backups",
    "actionSetPassphrase": "Encrypt this plan book and its backups with a passphrase",
    "actionChangePassphrase": "Change the passphrase this plan book is encrypted with",
    "actionRemovePassphrase": "Store this plan book unencrypted again",
    "actionImportPlan": "Add a plan from a plan file (.json) to this plan book",
    "actionExportPlan": "Save the plan shown as a plan file (.json)",
    "actionExportPdf": "Save the plan, a check-in or the outcome as a PDF, in full or as the employee's copy",
    "actionExportCaseFile": "Save the plan's case file for HR: its documents, plan file and history in one ZIP",
    "actionPrintPreview": "See the plan's document as it will print",
    "actionPrint": "Print the plan's document",
    "actionSubjectAccess": (
        "Gather everything this plan book holds that names a person into one ZIP, for a subject access request"
    ),
    "actionQuit": "Close pipdesk",
    "actionPreferences": (
        "How many backups of each plan book to keep, the colours, the check-ins in a row for met, "
        "and how long closed plans are kept"
    ),
    "actionNewPlan": "Start a draft plan for an employee",
    "actionNewFromTemplate": "Start a draft plan from a saved template",
    "actionSaveAsTemplate": "Save this plan's concerns, objectives and support as a template",
    "actionIssuePlan": "Issue the draft plan once it is complete and SMART; later changes ask for a reason",
    "actionRecordAcknowledgement": "Record that the employee received the plan, or received it again after a change",
    "actionRecordResponse": "Record the employee's written response to the plan or to the outcome, in their words",
    "actionNewCheckin": "Log a check-in meeting: progress on each objective, notes and next steps",
    "actionExportCalendar": "Save the plan's milestones as a calendar file (.ics)",
    "actionExtend": "Move the plan's end date later, with a reason",
    "actionPausePlan": "Stop the plan's clock (sickness, leave, an adjustment being put in place), with a reason",
    "actionResumePlan": "Start the paused plan's clock again: its dates move by the days paused",
    "actionCloseWithOutcome": "End the plan with a decision: the results of its objectives and a follow-up",
    "actionRecordOutcomeAcknowledgement": "Record that the employee received the outcome, or declined to sign",
    "actionRecordAppeal": "Record the employee's appeal against the outcome: grounds, hearing and result",
    "actionRetentionHold": "Keep the plan shown until a date of its own, and why, instead of the retention period",
    "actionAnonymisePlan": (
        "Replace the names and texts of the plan shown, here and in its backups; dates and numbers stay"
    ),
    "actionErasePlan": "Erase the plan shown from this plan book and all its backups, for good; the reason is logged",
    "actionDeletePlan": "Delete the plan shown from this plan book",
    "actionUserGuide": "Read the user guide: a plan from start to finish, the meetings, printing and records",
    "actionKeyboardShortcuts": "List the keyboard shortcuts",
    "actionAbout": "Which version of pipdesk this is, where your plan book is and where its backups are kept",
}
