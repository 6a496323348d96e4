import { emulatedStack } from "../harness/emulated-stack";

// The examples as shipped: each runs `pulumi up` and `pulumi destroy` against the emulator.
describe.each([
  [
    "examples/scheduled-campaign",
    {
      job_name: "Q3 VPN client upgrade reminder",
      push_type: 0,
      push_scope_type: 2,
      chat_list: [{ chat_id: "oc_7c1a2815c9846b5e518b950de0e62de8" }],
    },
  ],
  [
    "examples/new-staff-onboarding",
    {
      push_type: 1,
      push_scope_type: 3,
      new_staff_scope_type: 1,
      new_staff_scope_department_list: [
        { department_id: "od_engineering_2c4e6a8b" },
        { department_id: "od_design_1b3d5f7a" },
      ],
    },
  ],
])("%s", (example, expected) => {
  const stack = emulatedStack(example);

  it("creates its campaign as a draft, then lets go of it", async () => {
    const { emulator, project } = stack;
    await project.up();
    expect(emulator.notifications()).toEqual([expect.objectContaining({ status: 0, ...expected })]);
    expect(await project.outputs()).toMatchObject({ notificationId: emulator.notifications()[0].id, status: 0 });
    expect((await project.preview()).code).toBe(0);
    await project.destroy();
  });
});
