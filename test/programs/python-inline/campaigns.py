"""Helpdesk push campaigns declared in Python with the generated SDK (pulumi_feishu_helpdesk).

The provider's settings come from the stack's config (feishu-helpdesk:baseUrl, helpdeskId,
helpdeskToken, appId, appSecret); a second helpdesk's from the `second` namespace, through an
explicit provider.
"""

from typing import Optional

import pulumi
import pulumi_feishu_helpdesk as feishu
from pulumi_feishu_helpdesk import DeletePolicy, PushScopeType, PushType

CARD = {"elements": [{"tag": "div", "text": {"tag": "lark_md", "content": "Please read before Friday."}}]}


def declare_campaigns(draft_title: str, training_title: str, training_send_at: Optional[str] = None) -> None:
    # A draft: no approval asked, so nothing is sent to review; destroying it leaves it as it is.
    feishu.HelpdeskNotification(
        "onboarding-draft",
        job_name=draft_title,
        push_type=PushType.SCHEDULED,
        push_scope_type=PushScopeType.SOME_MEMBERS,
        users=["ou_python_new_hire"],
        push_content=CARD,
    )
    # Submitted for review; destroying it withdraws the review (onDelete "cancel").
    vpn = feishu.HelpdeskNotification(
        "vpn-reminder",
        job_name="VPN client upgrade",
        push_type=PushType.SCHEDULED,
        push_scope_type=PushScopeType.ALL_MEMBERS,
        push_content=CARD,
        approval=feishu.ApprovalArgs(reason="Quarterly VPN reminder"),
        on_delete=DeletePolicy.CANCEL,
    )
    # Once approved and given a send time, it is scheduled; destroying it cancels the send and
    # recalls what was sent (onDelete "recall").
    feishu.HelpdeskNotification(
        "security-training",
        job_name=training_title,
        push_type=PushType.SCHEDULED,
        push_scope_type=PushScopeType.ALL_MEMBERS,
        push_content=CARD,
        approval=feishu.ApprovalArgs(reason="Annual security training"),
        send_at=training_send_at,
        on_delete=DeletePolicy.RECALL,
    )
    # Kept in Feishu when removed from the program (onDelete "retain").
    feishu.HelpdeskNotification(
        "office-move",
        job_name="Office move notice",
        push_type=PushType.SCHEDULED,
        push_scope_type=PushScopeType.ALL_MEMBERS,
        push_content=CARD,
        approval=feishu.ApprovalArgs(reason="Facilities notice"),
        on_delete=DeletePolicy.RETAIN,
    )

    # A second helpdesk, with its own settings and credentials (secrets in the stack's config).
    second = pulumi.Config("second")
    second_helpdesk = feishu.Provider(
        "second-helpdesk",
        base_url=second.require("baseUrl"),
        helpdesk_id=second.require("helpdeskId"),
        helpdesk_token=second.require_secret("helpdeskToken"),
        app_id=second.require("appId"),
        app_secret=second.require_secret("appSecret"),
    )
    feishu.HelpdeskNotification(
        "second-helpdesk-welcome",
        job_name="Welcome to the second helpdesk",
        push_type=PushType.SCHEDULED,
        push_scope_type=PushScopeType.ALL_MEMBERS,
        push_content=CARD,
        opts=pulumi.ResourceOptions(provider=second_helpdesk),
    )

    # A campaign read by id, as Feishu has it now (its stage is "unknown" past a draft: read
    # alone, Feishu's status says no more).
    found = feishu.get_notification_output(id=vpn.notification_id)
    pulumi.export("vpnReminder", {"id": vpn.notification_id, "jobName": found.job_name, "status": found.status})
