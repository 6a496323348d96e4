"""One step of the parity test (test/engine/plugin-parity.test.ts) from Python: the campaigns it
declares, given as the other sides' config (name -> camelCase args), become the generated SDK's
typed args and enums. Reads {stateDir, first, campaigns, op} as JSON on stdin; prints one JSON line,
{code, output}, with the engine's output (a failed step is code 1, not an exception).

op: init (stack and config), preview, preview-no-changes, up, refresh, destroy, export, remove.
"""

import json
import sys
from typing import Any, Callable, Dict, List

from pulumi import automation as auto

import pulumi_feishu_helpdesk as feishu
from pulumi_feishu_helpdesk import DeletePolicy, PushScopeType, PushType
from stack import configure, open_stack, read_settings, resources


def declare(campaigns: Dict[str, Dict[str, Any]]) -> Callable[[], None]:
    def program() -> None:
        for name, spec in campaigns.items():
            approval = spec.get("approval")
            on_delete = spec.get("onDelete")
            feishu.HelpdeskNotification(
                name,
                job_name=spec["jobName"],
                push_type=PushType(spec["pushType"]),
                push_scope_type=PushScopeType(spec["pushScopeType"]),
                push_content=spec["pushContent"],
                approval=feishu.ApprovalArgs(reason=approval["reason"]) if approval else None,
                send_at=spec.get("sendAt"),
                on_delete=DeletePolicy(on_delete) if on_delete else None,
            )

    return program


def main() -> None:
    settings = read_settings()
    stack = open_stack(settings["stateDir"], declare(settings.get("campaigns", {})))
    op: str = settings["op"]
    output: List[str] = []
    steps: Dict[str, Callable[[], object]] = {
        "init": lambda: configure(stack, settings),
        "preview": lambda: stack.preview(on_output=output.append),
        "preview-no-changes": lambda: stack.preview(on_output=output.append, expect_no_changes=True),
        "up": lambda: stack.up(on_output=output.append),
        "refresh": lambda: stack.refresh(on_output=output.append),
        "destroy": lambda: stack.destroy(on_output=output.append),
        "export": lambda: output.append(json.dumps({"resources": resources(stack)})),
        "remove": lambda: stack.workspace.remove_stack(stack.name),
    }
    code = 0
    try:
        steps[op]()
    except auto.CommandError as error:
        code = 1
        output.append(str(error))
    print(json.dumps({"code": code, "output": "\n".join(output)}))


if __name__ == "__main__":
    main()
