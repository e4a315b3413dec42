package eu.interlink.interlinker.checklist;

/**
 * One line of a checklist. Immutable: a change makes a new item, so a failed write never leaves a half-changed
 * one behind.
 *
 * @param id       unique within its checklist, never reused
 * @param assignee the team member's name, or {@code null}
 */
record ChecklistItem(String id, String text, boolean done, String assignee) {

    ChecklistItem withDone(boolean newDone) {
        return new ChecklistItem(id, text, newDone, assignee);
    }

    ChecklistItem withText(String newText) {
        return new ChecklistItem(id, newText, done, assignee);
    }

    ChecklistItem withAssignee(String newAssignee) {
        return new ChecklistItem(id, text, done, newAssignee);
    }
}
