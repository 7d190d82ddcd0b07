DROP INDEX cases_response_pending;
DROP INDEX cases_ack_pending;
