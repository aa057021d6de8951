-- 03-state.sql
-- Grain state and the complaint index of the durable profile (Escalation's own storage, see
-- silo/Storage/PostgresGrainStorage.cs). Grain states are written in groups: many complaints' writes share one
-- transaction. A complaint's index row is written in the same statement as its state, so lists and deadlines never
-- disagree with what is stored.
--
-- Idempotent: safe to run again on an existing database.

BEGIN;

CREATE TABLE IF NOT EXISTS escalation_state
(
    state_name text    NOT NULL,
    grain_id   text    NOT NULL,
    version    integer NOT NULL,
    payload    bytea   NOT NULL,

    CONSTRAINT escalation_state_key PRIMARY KEY (state_name, grain_id)
);

-- One row per complaint: the list row (serialized) and the columns lists are filtered and ordered by. Times are
-- .NET ticks (UTC); due_ticks and created_ticks are cut to the millisecond the api shows, so that a client orders the
-- rows it holds as the pages do (a page's cursor compares the same cut values); a complaint without a running
-- deadline has due_ticks = 9223372036854775807 and sorts last.
CREATE TABLE IF NOT EXISTS escalation_complaint
(
    id            uuid     NOT NULL,
    team          text     NOT NULL,
    shard         integer  NOT NULL,
    wake_ticks    bigint   NULL,
    open          boolean  NOT NULL,
    status        smallint NOT NULL,
    due_ticks     bigint   NOT NULL,
    created_ticks bigint   NOT NULL,
    priority      smallint NOT NULL,
    channel       text     NOT NULL,
    topic         smallint NOT NULL,
    assignee      text     NULL,
    escalated     boolean  NOT NULL,
    warned        boolean  NOT NULL,
    search        text     NOT NULL,
    row           bytea    NOT NULL,

    CONSTRAINT escalation_complaint_key PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS escalation_complaint_list ON escalation_complaint (team, open, due_ticks, created_ticks, id);
CREATE INDEX IF NOT EXISTS escalation_complaint_wake ON escalation_complaint (shard, wake_ticks) WHERE wake_ticks IS NOT NULL;
CREATE INDEX IF NOT EXISTS escalation_complaint_held ON escalation_complaint (team, assignee) WHERE open;

COMMIT;
