DROP TABLE receipt_views;
DROP TABLE spent_form_tokens;
