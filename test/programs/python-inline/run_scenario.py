"""Runs the campaigns of campaigns.py through a whole life with the Automation API: preview, up,
an edit of a draft, an approval out of band and an edit Feishu refuses, refresh, a send time,
destroy. Settings as JSON on stdin (`stateDir`, `first` and `second` helpdesks, each with
`baseUrl`, `helpdeskId`, `helpdeskToken`, `appId`, `appSecret`); a short transcript on stdout,
the engine's progress on stderr; a non-zero exit on anything unexpected.

The approval is the emulator's admin route, standing in for the helpdesk owner who approves the
campaign in Feishu: a test harness step, not something a program does.
"""

import sys
import urllib.request
from typing import Callable, Optional

from pulumi import automation as auto

from campaigns import declare_campaigns
from stack import changes, configure, open_stack, read_settings, resources

DRAFT, TRAINING = "Onboarding checklist", "Security training"
SEND_AT = "2031-03-01T09:00:00+08:00"


def program(draft: str = DRAFT, training: str = TRAINING, send_at: Optional[str] = None) -> Callable[[], None]:
    return lambda: declare_campaigns(draft, training, send_at)


def say(line: str) -> None:
    print(line, flush=True)


def resource_id(stack: auto.Stack, name: str) -> str:
    for resource in resources(stack):
        if resource["urn"].endswith("::" + name):
            return str(resource["id"])
    raise LookupError(f"{name} is not in the state")


def refused(step: Callable[[], object]) -> str:
    """The engine's line naming the refusal, from a step that must fail."""
    try:
        step()
    except auto.CommandError as error:
        lines = [line.strip() for line in str(error).splitlines() if "Cannot update push campaign" in line]
        if lines:
            return lines[0]
        raise
    raise AssertionError("the edit of an approved campaign was not refused")


def main() -> None:
    settings = read_settings()
    stack = open_stack(settings["stateDir"], program())
    configure(stack, settings)
    say(f"stack {stack.name} (file backend, passphrase secrets)")

    say(f"preview: {changes(stack.preview(on_output=sys.stderr.write).change_summary)}")
    up = stack.up(on_output=sys.stderr.write)
    vpn = up.outputs["vpnReminder"].value
    found = f"jobName={vpn['jobName']!r} status={vpn['status']} id={vpn['id']}"
    say(f"up: {changes(up.summary.resource_changes)}; getNotification: {found}")

    stack.workspace.program = program(draft=f"{DRAFT} (v2)")
    say(f"preview of the draft's edit: {changes(stack.preview().change_summary)}")
    say(f"up of the draft's edit: {changes(stack.up().summary.resource_changes)}")

    training_id = resource_id(stack, "security-training")
    approve = f"{settings['first']['baseUrl']}/__emulator/notifications/{training_id}/approve"
    urllib.request.urlopen(urllib.request.Request(approve, method="POST")).close()
    say(f"approved out of band: security-training ({training_id})")

    stack.workspace.program = program(draft=f"{DRAFT} (v2)", training=f"{TRAINING} (edited)")
    say(f"preview of the approved campaign's edit refused: {refused(stack.preview)}")
    say(f"up of the approved campaign's edit refused: {refused(stack.up)}")

    stack.workspace.program = program(draft=f"{DRAFT} (v2)")
    refresh = stack.refresh()
    statuses = {
        r["urn"].rsplit("::", 1)[1]: r["outputs"].get("status")
        for r in resources(stack)
        if r["type"] == "feishu-helpdesk:index:HelpdeskNotification"
    }
    say(f"refresh: {changes(refresh.summary.resource_changes)}; statuses {dict(sorted(statuses.items()))}")

    stack.workspace.program = program(draft=f"{DRAFT} (v2)", send_at=SEND_AT)
    say(f"up with a send time: {changes(stack.up().summary.resource_changes)}")

    say(f"destroy: {changes(stack.destroy().summary.resource_changes)}")
    stack.workspace.remove_stack(stack.name)
    say("stack removed")


if __name__ == "__main__":
    main()
