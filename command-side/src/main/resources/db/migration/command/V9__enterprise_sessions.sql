-- Enterprise and agent sessions act for one enterprise in one role (PWD-1, ACC-8, ACC-9).
ALTER TABLE person_session ADD COLUMN uscc VARCHAR(18);
ALTER TABLE person_session ADD COLUMN enterprise_role VARCHAR(32);
