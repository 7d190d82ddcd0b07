DROP TABLE report_draft_files;
DROP TABLE report_drafts;
