import { upgradeStoredState } from "../notification/stored-state";
import { inputProperties, type NormalizedNotificationInputs } from "../notification/fields";
import { NotificationOperations } from "../notification/operations";
import type { StoredNotification } from "../notification/outputs";
import { serverFields, serverFieldsKeptByUpdate } from "../notification/server-fields";
import type { ProviderScope } from "../pulumi/provider-scope";
import type { CheckAnswer, DiffAnswer, Properties, ReadAnswer, ResourceAdapter } from "./adapter-types";
import { detailedDiff } from "./detailed-diff";
import { createPreview, updatePreview } from "./preview-outputs";
import { declaredOnly, recheckedInputs } from "./rechecked-inputs";

/** What a campaign's state holds: its inputs and what Feishu reports. */
const declaredFields = [...inputProperties, ...serverFields];

/**
 * HelpdeskNotification as the native plugin serves it: a thin adapter from the protocol's calls
 * (with the resource's URN in each, which the dynamic host never gives) to the same
 * {@link NotificationOperations} the dynamic provider uses.
 */
export class NotificationAdapter implements ResourceAdapter {
  readonly #operations: NotificationOperations;

  constructor(private readonly scope: ProviderScope) {
    this.#operations = new NotificationOperations(scope.client, scope.reporter, {
      expectCall: scope.expectCall,
      cardLimits: scope.cardLimits,
    });
  }

  /** See {@link NotificationOperations.check}; the settings are checked too, as the dynamic provider does. */
  async check(urn: string, olds: Properties, news: Properties): Promise<CheckAnswer> {
    return this.scope.forResource(urn, () =>
      this.scope.check(olds, news, (previous, rest) => this.#operations.check(previous, rest)),
    );
  }

  /**
   * See {@link NotificationOperations.diff}, with the properties the update is due to as a
   * detailed diff (the dynamic provider can only say "changes").
   */
  async diff(id: string, urn: string, olds: Properties, news: Properties, oldInputs: Properties): Promise<DiffAnswer> {
    const diff = await this.scope.diff(urn, "configured", () =>
      this.#operations.diff(id, olds as StoredNotification, news as NormalizedNotificationInputs),
    );
    return { changes: diff.changes, detailedDiff: detailedDiff(diff.properties, oldInputs, news) };
  }

  /** See {@link NotificationOperations.create}; a preview returns the inputs, Feishu's fields unknown. */
  async create(urn: string, given: Properties, preview: boolean) {
    const inputs = recheckedInputs("Create", urn, this.#operations.recheck({}, given));
    if (preview) return { id: "", properties: createPreview(inputs, serverFields) };
    const { id, state } = await this.scope.forResource(urn, () => this.#operations.create(inputs, urn || undefined));
    return { id, properties: state as Properties };
  }

  /**
   * `pulumi refresh`, or `pulumi import` (nothing stored yet: every field comes from Feishu, and
   * the inputs returned are what the generated program declares). See {@link NotificationOperations.read}.
   */
  async read(id: string, urn: string, properties: Properties): Promise<ReadAnswer> {
    const stored = Object.keys(properties).length === 0 ? undefined : this.stored("Read", urn, properties);
    const read = await this.scope.forResource(urn, () => this.#operations.read(id, stored, "pulumi import"));
    return read && { id, properties: read.state as Properties, inputs: importable(read.inputs) };
  }

  /** An existing campaign's outputs (getNotification); a campaign Feishu does not have fails, naming the id. */
  async lookUp(id: string): Promise<Properties> {
    const read = await this.scope.forResource(undefined, () => this.#operations.read(id, undefined, "getNotification"));
    return read.state as Properties;
  }

  /** See {@link NotificationOperations.update}; a preview returns the new inputs, what Feishu changes unknown. */
  async update(id: string, urn: string, olds: Properties, news: Properties, preview: boolean): Promise<Properties> {
    const stored = this.stored("Update", urn, olds);
    const inputs = recheckedInputs("Update", urn, this.#operations.recheck(asGiven(news), news));
    if (preview) return updatePreview(stored, inputs, serverFields, serverFieldsKeptByUpdate);
    return (await this.scope.forResource(urn, () => this.#operations.update(id, stored, inputs))) as Properties;
  }

  /**
   * A stored state as Check would take its inputs, with only the declared properties: upgraded
   * first (stateMigrations), so a migration sees the old shape before anything is dropped.
   */
  private stored(call: string, urn: string, properties: Properties): StoredNotification {
    const upgraded = upgradeStoredState(properties as unknown as StoredNotification) as unknown as Properties;
    const declared = declaredOnly(upgraded, declaredFields);
    const inputs = recheckedInputs(
      call,
      urn,
      this.#operations.recheck(declared, declaredOnly(declared, inputProperties)),
    );
    return { ...declared, ...inputs } as StoredNotification;
  }

  /** See {@link NotificationOperations.delete}: what `onDelete` says; Feishu cannot delete a campaign. */
  async delete(id: string, urn: string, properties: Properties): Promise<void> {
    await this.scope.forResource(urn, () => this.#operations.delete(id, properties as StoredNotification));
    if (urn !== "") this.#operations.forgetCreate(urn);
  }
}

/**
 * Check's "previous inputs" for a re-check: a time already checked (Check saw the real previous
 * inputs, which Update is not given) is not judged again for being past; every other rule is.
 */
const asGiven = (properties: Properties) => ({ sendAt: properties.sendAt as string | undefined });

/**
 * Inputs as a program would declare them: an empty id list is what an absent one means, so it is
 * left out (the code `pulumi import` generates then lists only the targets the campaign has).
 */
function importable(inputs: NormalizedNotificationInputs): Properties {
  return Object.fromEntries(
    Object.entries(inputs).filter(([, value]) => !(Array.isArray(value) && value.length === 0)),
  );
}
