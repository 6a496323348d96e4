"""The Automation API stack both drivers use: an inline program, a local workspace with a file
backend and passphrase secrets, and the plugin already installed into the given PULUMI_HOME.

The Python language runtime runs inside this process (the Automation API passes `--client` to the
CLI), so no pulumi-language-python is needed: only `pulumi` on PATH.
"""

import json
import os
import sys
from typing import Any, Callable, Dict, List, Mapping, Optional

from pulumi import automation as auto

PROJECT = "feishu-python-inline"


def read_settings() -> Dict[str, Any]:
    """The caller's settings, as JSON on stdin: no credential in argv or the environment."""
    settings: Dict[str, Any] = json.load(sys.stdin)
    return settings


def open_stack(state_dir: str, program: Callable[[], None]) -> auto.Stack:
    work, backend = os.path.join(state_dir, "work"), os.path.join(state_dir, "backend")
    for folder in (work, backend):
        os.makedirs(folder, exist_ok=True)
    project = auto.ProjectSettings(
        name=PROJECT, runtime="python", backend=auto.ProjectBackend(url="file://" + backend)
    )
    return auto.create_or_select_stack(
        stack_name="dev",
        project_name=PROJECT,
        program=program,
        opts=auto.LocalWorkspaceOptions(
            work_dir=work,
            pulumi_home=os.path.join(state_dir, "home"),
            project_settings=project,
            secrets_provider="passphrase",
            env_vars={
                "PULUMI_CONFIG_PASSPHRASE": "python-inline",
                "PULUMI_SKIP_UPDATE_CHECK": "true",
                "PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
            },
        ),
    )


def configure(stack: auto.Stack, settings: Dict[str, Any]) -> None:
    """The provider's settings as stack config (`second`: a second helpdesk's), secrets encrypted."""
    config: Dict[str, auto.ConfigValue] = {}
    for namespace, key in (("feishu-helpdesk", "first"), ("second", "second")):
        helpdesk = settings.get(key)
        if not helpdesk:
            continue
        for name in ("baseUrl", "helpdeskId", "appId"):
            config[f"{namespace}:{name}"] = auto.ConfigValue(value=helpdesk[name])
        for name in ("helpdeskToken", "appSecret"):
            config[f"{namespace}:{name}"] = auto.ConfigValue(value=helpdesk[name], secret=True)
    stack.set_all_config(config)


def changes(summary: Optional[Mapping[Any, int]]) -> str:
    """An update's resource changes (by operation), summed up as `pulumi up` does."""
    summary = summary or {}
    counts = [f"{summary[op]} {op}" for op in ("create", "update", "delete", "same") if summary.get(op)]
    return ", ".join(counts) or "no changes"


def resources(stack: auto.Stack) -> List[Dict[str, Any]]:
    """The state's resources, as `pulumi stack export` gives them."""
    deployment = stack.export_stack().deployment or {}
    found: List[Dict[str, Any]] = deployment.get("resources") or []
    return found
