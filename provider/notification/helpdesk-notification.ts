import * as pulumi from "@pulumi/pulumi";
import { URN_INPUT } from "../pulumi/resource-context";
import { restack, withoutPromiseStacks } from "../pulumi/promise-stacks";
import { urnInput } from "../pulumi/urn-input";
import { PROVIDER_SOURCE } from "../pulumi/provider-source";
import { isResourceOfType } from "../pulumi/resource-type";
import type { ArgTypesMatch, OutputTypesMatch, SameKeys } from "../pulumi/type-checks";
import type { NewStaffScopeType, PushScopeType, PushType } from "./enums";
import { type DeletePolicy, type InputProperty, inputProperties, type NormalizedNotificationInputs } from "./fields";
import type { NotificationState } from "./outputs";
import { type NotificationUserOutput, serverFieldNames } from "./server-fields";
import type { CampaignStage } from "./stage";

/** A message card: an object, or its JSON text. Compared by meaning, so reformatting is not a change. */
export type MessageCard = string | Record<string, unknown>;

/** The inputs of a {@link HelpdeskNotification}: a Feishu Helpdesk push campaign. */
export interface HelpdeskNotificationArgs {
  /** The campaign's name in the Helpdesk console (`job_name`). Required. */
  readonly jobName: pulumi.Input<string>;
  /** The message card to push (`push_content`): an object or its JSON text. Required. */
  readonly pushContent: pulumi.Input<MessageCard>;
  /** `push_type`: `"scheduled"` (0) or `"newStaffOnboarding"` (1); the numbers are accepted too. Required. */
  readonly pushType: pulumi.Input<PushType | 0 | 1>;
  /**
   * `push_scope_type`: `"allMembers"` (0), `"chatsOnly"` (1), `"someMembers"` (2) or `"newStaff"` (3);
   * the numbers are accepted too. Required.
   */
  readonly pushScopeType: pulumi.Input<PushScopeType | 0 | 1 | 2 | 3>;
  /** `new_staff_scope_type`, for pushType `"newStaffOnboarding"` only: `"allNewStaff"` (0) or `"departments"` (1). */
  readonly newStaffScopeType?: pulumi.Input<NewStaffScopeType | 0 | 1>;
  /**
   * Department ids whose new staff receive it (`new_staff_scope_department_list`), with
   * newStaffScopeType `"departments"`.
   */
  readonly newStaffDepartments?: pulumi.Input<pulumi.Input<string>[]>;
  /** User ids to push to (`user_list`), of the provider's `userIdType` (default open_id). Compared as a set. */
  readonly users?: pulumi.Input<pulumi.Input<string>[]>;
  /** Department ids to push to (`department_list`). Compared as a set. */
  readonly departments?: pulumi.Input<pulumi.Input<string>[]>;
  /** Group chat ids to push to (`chat_list`), independent of pushScopeType. Compared as a set. */
  readonly chats?: pulumi.Input<pulumi.Input<string>[]>;
  /** `ext`, Feishu's reserved extension field. */
  readonly ext?: pulumi.Input<string>;
  /**
   * The id of an existing campaign to manage instead of creating one (`pulumi import` does not
   * work for dynamic resources). Create reads it and, if it is a draft that differs from these
   * inputs, updates it. Only read at create: changing it later has no effect.
   */
  readonly adoptId?: pulumi.Input<string>;
  /**
   * Submit the campaign for review (submit_approve) after create or update, with this reason.
   * If the caller owns the helpdesk, Feishu approves it at once; otherwise the owner is asked.
   */
  readonly approval?: pulumi.Input<{ readonly reason: pulumi.Input<string> }>;
  /**
   * When to send it (execute_send), once approved: an ISO 8601 time with its offset from UTC
   * (`"2026-12-24T09:00:00+08:00"`, or `Z` for UTC; a time without one is refused) or
   * milliseconds since the epoch. Needs `approval`. If the owner has not approved yet, `pulumi up` says so and the next
   * one schedules it. Changing it reschedules (if Feishu refuses, the warning says what it
   * answered). Removing it does not unschedule: `onDelete` is for that.
   */
  readonly sendAt?: pulumi.Input<string | number>;
  /**
   * What removing the resource does: `"retain"` (nothing), `"cancel"` (withdraw a pending review,
   * cancel a scheduled send, stop one in progress; delivered messages stay) or `"recall"` (also
   * recall delivered messages).
   * @default "cancel"
   */
  readonly onDelete?: pulumi.Input<DeletePolicy>;
  /**
   * Allow an update of a campaign under review: withdraw the review (cancel_approve), edit it,
   * and submit it again if `approval` is set. Without it, editing a non-draft is refused.
   * A scheduled campaign is never edited this way.
   * @default false
   */
  readonly cancelToEdit?: pulumi.Input<boolean>;
}

/**
 * A Feishu Helpdesk push campaign (推送), declared as code. `pulumi up` creates it as a draft,
 * updates it while it is a draft, and refuses clearly once Feishu has moved it past draft.
 * Removing it from the program leaves it in the Helpdesk console (the API cannot delete it).
 */
export class HelpdeskNotification extends pulumi.CustomResource {
  /** The resource type token: a resource of the Node.js dynamic provider. */
  static readonly type = "pulumi-nodejs:dynamic/feishu-helpdesk:HelpdeskNotification";

  /** The campaign's id (also the resource id). */
  declare readonly notificationId: pulumi.Output<string>;
  /** The status number Feishu reports. Only 0 (draft) is documented. */
  declare readonly status: pulumi.Output<number>;
  /** True when Feishu reports status 0 (draft): the only state in which the campaign can be edited. */
  declare readonly isDraft: pulumi.Output<boolean>;
  /** The campaign's name in the Helpdesk console (`job_name`), as Feishu holds it. */
  declare readonly jobName: pulumi.Output<string>;
  /** The card as compact JSON text (`push_content`). */
  declare readonly pushContent: pulumi.Output<string>;
  /** `push_type`, by name: `"scheduled"` or `"newStaffOnboarding"`. */
  declare readonly pushType: pulumi.Output<PushType>;
  /** `push_scope_type`, by name: `"allMembers"`, `"chatsOnly"`, `"someMembers"` or `"newStaff"`. */
  declare readonly pushScopeType: pulumi.Output<PushScopeType>;
  /** `new_staff_scope_type`, by name, for a new-staff onboarding push; otherwise undefined. */
  declare readonly newStaffScopeType: pulumi.Output<NewStaffScopeType | undefined>;
  /** Department ids whose new staff receive it (`new_staff_scope_department_list`); empty if none. */
  declare readonly newStaffDepartments: pulumi.Output<string[]>;
  /** User ids it is pushed to (`user_list`), of the provider's userIdType; empty if none. */
  declare readonly users: pulumi.Output<string[]>;
  /** Department ids it is pushed to (`department_list`); empty if none. */
  declare readonly departments: pulumi.Output<string[]>;
  /** Group chat ids it is pushed to (`chat_list`); empty if none. */
  declare readonly chats: pulumi.Output<string[]>;
  /** `ext`, Feishu's reserved extension field, if set. */
  declare readonly ext: pulumi.Output<string | undefined>;
  /** The `adoptId` this resource was created with, if any. */
  declare readonly adoptId: pulumi.Output<string | undefined>;
  /** The review requested in the program, if any. */
  declare readonly approval: pulumi.Output<{ readonly reason: string } | undefined>;
  /** What removing the resource does, as declared (undefined: the default, `"cancel"`). */
  declare readonly onDelete: pulumi.Output<DeletePolicy | undefined>;
  /** Whether an update may withdraw a review to edit the campaign, as declared. */
  declare readonly cancelToEdit: pulumi.Output<boolean | undefined>;
  /** Target users, as Feishu counts them. */
  declare readonly targetUserCount: pulumi.Output<number | undefined>;
  /** Users the push has reached. */
  declare readonly sentUserCount: pulumi.Output<number | undefined>;
  /** Users who have read it. */
  declare readonly readUserCount: pulumi.Output<number | undefined>;
  /** Creation time: milliseconds since the epoch, as a string. */
  declare readonly createdAt: pulumi.Output<string | undefined>;
  /** Last update time: milliseconds since the epoch, as a string. */
  declare readonly updatedAt: pulumi.Output<string | undefined>;
  /** Scheduled send time: milliseconds since the epoch, as a string, once set. */
  declare readonly sendAt: pulumi.Output<string | undefined>;
  /** Who created it. */
  declare readonly createUser: pulumi.Output<NotificationUserOutput | undefined>;
  /** Who last updated it. */
  declare readonly updateUser: pulumi.Output<NotificationUserOutput | undefined>;
  /** The link to the campaign's approval in the Feishu app. */
  declare readonly approvalAppLink: pulumi.Output<string | undefined>;
  /** Where it stands, as far as the API tells: draft, submitted, approved, scheduled, sending, sent or unknown. */
  declare readonly stage: pulumi.Output<CampaignStage>;
  /** The provider submitted it for review. */
  declare readonly approvalSubmitted: pulumi.Output<boolean | undefined>;
  /** Feishu approved it at once when it was submitted. */
  declare readonly approvalGranted: pulumi.Output<boolean | undefined>;
  /**
   * The card (`pushContent`) as Markdown text, as `renderCardText` renders it: the header's title, the
   * text, fields, buttons and links, to read in `pulumi stack output` or a review. Computed by the provider
   * from the card as stored; never sent to Feishu.
   */
  declare readonly cardText: pulumi.Output<string>;

  /**
   * @param name The unique name of the resource.
   * @param args The campaign.
   * @param opts Resource options; `provider`: a FeishuHelpdeskProvider, for a helpdesk other than the stack config's.
   */
  constructor(name: string, args: HelpdeskNotificationArgs, opts?: pulumi.CustomResourceOptions);
  /** @internal A lookup ({@link HelpdeskNotification.get}): no arguments, and the campaign's id in `opts.id`. */
  constructor(name: string, args: undefined, opts: pulumi.CustomResourceOptions & { id: pulumi.Input<pulumi.ID> });
  constructor(name: string, args: HelpdeskNotificationArgs | undefined, opts?: pulumi.CustomResourceOptions) {
    // A lookup reads instead of creating, and the SDK makes an output only for a property the
    // resource is given: so every input name is given, unset, and the read fills them from Feishu.
    const given = args ?? Object.fromEntries(inputProperties.map((property) => [property, undefined]));
    // What pulumi.dynamic.Resource does, with a hand-written `__provider` (see provider-source.ts).
    // `__urn`: the resource's own URN, so the provider (which the dynamic host gives no URN) can
    // show its warnings under this resource; it is never compared (see resource-context.ts).
    const urn = urnInput(name, HelpdeskNotification.type, opts?.parent);
    const restore = withoutPromiseStacks(); // the per-property cost of registering (see promise-stacks.ts)
    try {
      super(
        HelpdeskNotification.type,
        name,
        { ...serverFieldNames, ...given, [URN_INPUT]: urn, __provider: PROVIDER_SOURCE },
        opts,
      );
    } catch (error) {
      restore();
      throw restack(error);
    } finally {
      restore();
    }
  }

  /**
   * Looks up an existing campaign by id: every output (jobName, users, pushContent, status...)
   * as Feishu now holds it, read through the provider with the stack's `feishu-helpdesk:*`
   * settings. The campaign is not managed: removing the lookup changes nothing in Feishu.
   * @param name The resource's name in this program.
   * @param id The campaign's id (`notificationId`).
   * @param opts Resource options (`parent`, `provider`, `dependsOn`...).
   */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): HelpdeskNotification {
    return new HelpdeskNotification(name, undefined, { ...opts, id });
  }

  /** True if `value` is a HelpdeskNotification, from any copy of this package. */
  static override isInstance(value: unknown): value is HelpdeskNotification {
    return isResourceOfType(value, HelpdeskNotification.type);
  }
}

type DeclaredOutputs = Exclude<keyof HelpdeskNotification, keyof pulumi.CustomResource>;
// Compile-time checks against the one list of fields (fields.ts, server-fields.ts): the arguments are
// exactly the inputs, and the declared outputs exactly the state's properties.
const _argsAreTheInputs: SameKeys<keyof HelpdeskNotificationArgs, InputProperty> = true;
const _outputsAreTheState: SameKeys<DeclaredOutputs, keyof NotificationState> = true;
// And by type: each argument takes pulumi.Input of its checked type, and each declared output is
// exactly pulumi.Output of the state's property.
const _argTypesAreTheInputs: ArgTypesMatch<HelpdeskNotificationArgs, NormalizedNotificationInputs> = true;
const _outputTypesAreTheState: OutputTypesMatch<HelpdeskNotification, NotificationState> = true;
