-- Dispatch records a notice as SENDING (committed) before it hands the message to its channel, so a crash between
-- the hand-over and the recorded outcome is found on restart instead of being sent again blindly. PARKED is a notice
-- dispatch could not carry out for a reason that will not go away (it cannot be rendered, its channel failed on it),
-- waiting for a person. Both take their step: it is not planned again.
alter table notice drop constraint notice_status_check;
alter table notice add constraint notice_status_check
    check (status in ('PLANNED', 'SENDING', 'SENT', 'TASK_OPEN', 'SKIPPED', 'FAILED', 'CANCELLED', 'PARKED'));
alter table action drop constraint action_status_check;
alter table action add constraint action_status_check
    check (status in ('PLANNED', 'SENDING', 'SENT', 'TASK_OPEN', 'SKIPPED', 'FAILED', 'CANCELLED', 'PARKED'));

-- NoticeStatus.takesTheStep(): everything but a failed or cancelled step
create or replace function recoup_action_takes_step(status text) returns boolean language sql immutable parallel safe as $$
    select status in ('PLANNED', 'SENDING', 'SENT', 'TASK_OPEN', 'SKIPPED', 'PARKED')
$$;

-- resent after an interrupted send, with the same Message-ID: the customer may have received it twice
alter table notice add column possible_duplicate boolean not null default false;

-- the notices a restart must look at: few, usually none
create index notice_sending on notice (id) where status = 'SENDING';
