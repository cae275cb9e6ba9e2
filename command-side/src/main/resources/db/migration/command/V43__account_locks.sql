-- PWD-5: the persons whose account has a lock on record (AccountLocked not yet followed by
-- AccountUnlocked), kept by person.signin.JdbcAccountLocks in the transaction of the events. A
-- sign-in asks the person (CheckAccountLock) before hashing only for these; the lock's end at
-- midnight is recorded when first observed, so a row may outlive the lock until then.
CREATE TABLE account_lock (
    person_id VARCHAR(64) PRIMARY KEY
);

-- The locks already on record: a person's last AccountLocked with no AccountUnlocked after it.
INSERT INTO account_lock (person_id)
SELECT locked.aggregateidentifier
FROM domainevententry locked
WHERE locked.payloadtype = 'gov.etax.identity.kernel.person.events.AccountLocked'
  AND NOT EXISTS (SELECT 1
                  FROM domainevententry unlocked
                  WHERE unlocked.aggregateidentifier = locked.aggregateidentifier
                    AND unlocked.payloadtype = 'gov.etax.identity.kernel.person.events.AccountUnlocked'
                    AND unlocked.sequencenumber > locked.sequencenumber)
GROUP BY locked.aggregateidentifier;
