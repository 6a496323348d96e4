// The cards the card model is tested on: every understood tag, both schema versions, and the cards of the
// examples and test programs. Each entry says what a person must see in it (`shows`), checked by the unit
// tests through the text renderer and by the browser test through the DOM.
import { sampleCard } from "../harness/feishu-fixture";

export interface CorpusCard {
  name: string;
  card: unknown;
  /** Words the rendered card shows. */
  shows: string[];
}

/** The demo's campaign card (examples/scheduled-campaign/index.ts, with its default message). */
export const demoCard = {
  config: { wide_screen_mode: true },
  header: { title: { tag: "plain_text", content: "VPN client upgrade" } },
  elements: [
    {
      tag: "div",
      text: {
        tag: "lark_md",
        content: "Please upgrade the VPN client to **5.2** before Friday. Ask the helpdesk if anything goes wrong.",
      },
    },
  ],
};

/** Every JSON 1.0 tag the model understands, in one card. */
export const v1Full = {
  config: { wide_screen_mode: true },
  header: { title: { tag: "plain_text", content: "Laptop refresh 2027" }, template: "turquoise" },
  card_link: { url: "https://it.example.com/refresh" },
  elements: [
    {
      tag: "div",
      text: {
        tag: "lark_md",
        content:
          "Hi <at id=all></at>, your laptop is due for **refresh**.\n*Book a slot* before ~~Monday~~ Friday: " +
          "[booking page](https://it.example.com/book) <font color='red'>required</font>",
      },
      fields: [
        { is_short: true, text: { tag: "lark_md", content: "**Where**\nHQ, floor 3" } },
        { is_short: true, text: { tag: "lark_md", content: "**When**\n9:00-17:00" } },
        { is_short: false, text: { tag: "plain_text", content: "Bring your charger and badge." } },
      ],
    },
    {
      tag: "markdown",
      content: "Questions? [Ask the helpdesk]($help) or <at id=ou_it>IT Desk</at>.",
      href: {
        help: { url: "https://help.example.com", pc_url: "https://help.example.com/pc", ios_url: "", android_url: "" },
      },
    },
    { tag: "hr" },
    {
      tag: "img",
      img_key: "img_v2_041b28e3-5680-48c2-9af2-497ace79333g",
      alt: { tag: "plain_text", content: "New laptop" },
    },
    {
      tag: "column_set",
      flex_mode: "bisect",
      columns: [
        {
          tag: "column",
          width: "weighted",
          weight: 1,
          elements: [{ tag: "markdown", content: "**Model**\nThinkPad X1" }],
        },
        { tag: "column", width: "weighted", weight: 1, elements: [{ tag: "markdown", content: "**Memory**\n32 GB" }] },
      ],
    },
    {
      tag: "action",
      actions: [
        {
          tag: "button",
          text: { tag: "plain_text", content: "Book now" },
          type: "primary",
          url: "https://it.example.com/book",
        },
        {
          tag: "button",
          text: { tag: "plain_text", content: "Open in Feishu" },
          type: "default",
          multi_url: {
            url: "lark://applink.feishu.cn/client/web_app/open?appId=cli_a",
            pc_url: "",
            ios_url: "",
            android_url: "",
          },
        },
        {
          tag: "button",
          text: { tag: "plain_text", content: "Opt out" },
          type: "danger",
          url: "https://it.example.com/opt-out",
        },
      ],
    },
    {
      tag: "note",
      elements: [
        { tag: "img", img_key: "img_v2_icon", alt: { tag: "plain_text", content: "IT" } },
        { tag: "plain_text", content: "Sent by the IT helpdesk" },
      ],
    },
  ],
};

/** The common parts of JSON 2.0: body.elements, markdown, columns, a panel, buttons with behaviours. */
export const v2Body = {
  schema: "2.0",
  config: { update_multi: true },
  header: {
    title: { tag: "plain_text", content: "Security training" },
    subtitle: { tag: "plain_text", content: "Mandatory for all staff" },
    template: "red",
  },
  body: {
    elements: [
      {
        tag: "markdown",
        element_id: "intro",
        content: "Finish the **phishing** module by *Friday*.\nIt takes 15 minutes.",
      },
      {
        tag: "column_set",
        element_id: "cols",
        columns: [
          { tag: "column", weight: 2, elements: [{ tag: "markdown", content: "Deadline: **Dec 18**" }] },
          { tag: "column", weight: 1, elements: [{ tag: "markdown", content: "Owner: Security" }] },
        ],
      },
      {
        tag: "collapsible_panel",
        element_id: "faq",
        header: { title: { tag: "markdown", content: "**FAQ**" } },
        elements: [{ tag: "markdown", content: "Already done? You can ignore this message." }],
      },
      { tag: "hr" },
      {
        tag: "button",
        element_id: "start",
        text: { tag: "plain_text", content: "Start training" },
        type: "primary_filled",
        behaviors: [{ type: "open_url", default_url: "https://learn.example.com/phishing", pc_url: "", ios_url: "" }],
      },
    ],
  },
};

/** Tags the model does not understand: kept and shown as placeholders. */
export const unknownTags = {
  header: { title: { tag: "plain_text", content: "Survey" }, template: "violet" },
  elements: [
    { tag: "markdown", content: "Tell us how we did." },
    { tag: "select_static", placeholder: { tag: "plain_text", content: "Pick one" }, options: [] },
    { tag: "chart", chart_spec: {} },
    {
      tag: "action",
      actions: [{ tag: "date_picker" }, { tag: "button", text: { tag: "plain_text", content: "Send" } }],
    },
  ],
};

/** A card translated into several languages: the zh_cn elements are shown. */
export const i18nCard = {
  header: { title: { tag: "plain_text", content: "Office closed" }, template: "grey" },
  i18n_elements: {
    en_us: [{ tag: "div", text: { tag: "plain_text", content: "The office is closed on Friday." } }],
    zh_cn: [{ tag: "div", text: { tag: "plain_text", content: "周五办公室关闭。" } }],
  },
};

/** The whole corpus. */
export const cardCorpus: CorpusCard[] = [
  { name: "demo-campaign", card: demoCard, shows: ["VPN client upgrade", "Please upgrade the VPN client to 5.2"] },
  {
    name: "v1-every-tag",
    card: v1Full,
    shows: [
      "Laptop refresh 2027",
      "@all",
      "booking page",
      "HQ, floor 3",
      "Ask the helpdesk",
      "@IT Desk",
      "New laptop",
      "ThinkPad X1",
      "32 GB",
      "Book now",
      "Open in Feishu",
      "Opt out",
      "Sent by the IT helpdesk",
    ],
  },
  {
    name: "v2-body",
    card: v2Body,
    shows: [
      "Security training",
      "Mandatory for all staff",
      "phishing",
      "Dec 18",
      "Owner: Security",
      "FAQ",
      "Start training",
    ],
  },
  {
    name: "unknown-tags",
    card: unknownTags,
    shows: ["Survey", "Tell us how we did.", "select_static", "chart", "Send"],
  },
  { name: "i18n", card: i18nCard, shows: ["Office closed", "周五办公室关闭。"] },
  { name: "test-fixture", card: sampleCard, shows: ["Please upgrade the VPN client."] },
  {
    name: "new-staff-example",
    // examples/new-staff-onboarding/index.ts gives its card as JSON text.
    card: JSON.stringify({
      config: { wide_screen_mode: true },
      elements: [
        { tag: "div", text: { tag: "lark_md", content: "Welcome! Your laptop, SSO and VPN guide: **go/it-start**." } },
      ],
    }),
    shows: ["Welcome! Your laptop, SSO and VPN guide: go/it-start."],
  },
];
