import { HelpdeskNotification } from "pulumi-feishu-helpdesk";

// Every new hire in Engineering and Design gets the IT welcome card in their helpdesk chat.
const welcome = new HelpdeskNotification("it-welcome", {
  jobName: "IT welcome for new engineers and designers",
  pushType: "newStaffOnboarding",
  pushScopeType: "newStaff",
  newStaffScopeType: "departments",
  newStaffDepartments: ["od_engineering_2c4e6a8b", "od_design_1b3d5f7a"],
  pushContent: JSON.stringify({
    config: { wide_screen_mode: true },
    elements: [
      { tag: "div", text: { tag: "lark_md", content: "Welcome! Your laptop, SSO and VPN guide: **go/it-start**." } },
    ],
  }),
});

export const notificationId = welcome.notificationId;
export const status = welcome.status;
