-- Cross-region tax matter reports (跨区域涉税事项报告, LOGIN-6), found by a fragment of the number.
-- The handler named in the report is kept as keyed hashes of name and phone only.
CREATE TABLE cross_region_matter (
    matter_id           VARCHAR(64) PRIMARY KEY,
    matter_number       VARCHAR(30)              NOT NULL UNIQUE,
    uscc                VARCHAR(18)              NOT NULL,
    project_name        VARCHAR(200),
    competent_authority VARCHAR(11)              NOT NULL,
    handler_name_hash   VARCHAR(64)              NOT NULL,
    handler_phone_hash  VARCHAR(64)              NOT NULL,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
