// Command go-inline creates and destroys one Helpdesk campaign through the native plugin, from
// Go, with the generated Go SDK and the Automation API's inline program: the Go language runtime
// runs inside this process, so no pulumi-language-go is needed (its module is refused by the
// module mirror these machines reach). Only `pulumi` (on PATH) is: the engine installs the
// plugin into the given PULUMI_HOME by itself.
//
// Reads its settings as JSON on stdin (so no credential is in argv or the environment, where the
// provider would also look), prints a short transcript on stdout and the engine's progress on
// stderr, and exits non-zero on any failure.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pulumi-feishu-helpdesk/pulumi-feishu-helpdesk/sdk/go/feishuhelpdesk"
	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

// settings is what the caller gives on stdin.
type settings struct {
	// StateDir holds the stack's file backend, its PULUMI_HOME (with the plugin installed) and
	// the workspace folder.
	StateDir      string `json:"stateDir"`
	BaseURL       string `json:"baseUrl"`
	HelpdeskID    string `json:"helpdeskId"`
	HelpdeskToken string `json:"helpdeskToken"`
	AppID         string `json:"appId"`
	AppSecret     string `json:"appSecret"`
	User          string `json:"user"`
}

// program declares one campaign submitted for review, so that destroying it (onDelete "cancel",
// the default) withdraws the review: a create and a delete that both reach Feishu.
func program(user string) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		campaign, err := feishuhelpdesk.NewHelpdeskNotification(ctx, "go-vpn-reminder", &feishuhelpdesk.HelpdeskNotificationArgs{
			JobName:       pulumi.String("Go SDK: VPN client upgrade reminder"),
			PushType:      feishuhelpdesk.PushTypeScheduled,
			PushScopeType: feishuhelpdesk.PushScopeTypeSomeMembers,
			Users:         pulumi.StringArray{pulumi.String(user)},
			PushContent: pulumi.Any(map[string]any{
				"elements": []any{map[string]any{
					"tag":  "div",
					"text": map[string]any{"tag": "lark_md", "content": "Please upgrade the VPN client."},
				}},
			}),
			Approval: &feishuhelpdesk.ApprovalArgs{Reason: pulumi.String("Quarterly VPN reminder")},
			OnDelete: feishuhelpdesk.DeletePolicyCancel,
		})
		if err != nil {
			return err
		}
		ctx.Export("notificationId", campaign.NotificationId)
		ctx.Export("stage", campaign.Stage)
		ctx.Export("jobName", campaign.JobName)
		return nil
	}
}

func main() {
	if err := run(context.Background()); err != nil {
		fmt.Fprintf(os.Stderr, "go-inline: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) error {
	var s settings
	if err := json.NewDecoder(os.Stdin).Decode(&s); err != nil {
		return fmt.Errorf("reading the settings (JSON on stdin): %w", err)
	}
	work := filepath.Join(s.StateDir, "work")
	backend := filepath.Join(s.StateDir, "backend")
	for _, dir := range []string{work, backend} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	project := workspace.Project{
		Name:    "feishu-go-inline",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Backend: &workspace.ProjectBackend{URL: "file://" + backend},
	}
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", project.Name.String(), program(s.User),
		auto.Project(project),
		auto.WorkDir(work),
		auto.PulumiHome(filepath.Join(s.StateDir, "home")),
		auto.SecretsProvider("passphrase"),
		auto.EnvVars(map[string]string{
			"PULUMI_CONFIG_PASSPHRASE": "go-inline",
			"PULUMI_SKIP_UPDATE_CHECK": "true",
			// Plugin acquisition stays on: the engine downloads the plugin from the URL the SDK
			// registers its resources with (the schema's pluginDownloadURL), into the empty PULUMI_HOME.
		}),
	)
	if err != nil {
		return fmt.Errorf("creating the stack: %w", err)
	}
	fmt.Printf("stack %s (project %s, file backend, passphrase secrets)\n", stack.Name(), project.Name)

	// The provider's settings as stack config, the secrets encrypted.
	if err := stack.SetAllConfig(ctx, auto.ConfigMap{
		"feishu-helpdesk:baseUrl":       {Value: s.BaseURL},
		"feishu-helpdesk:helpdeskId":    {Value: s.HelpdeskID},
		"feishu-helpdesk:helpdeskToken": {Value: s.HelpdeskToken, Secret: true},
		"feishu-helpdesk:appId":         {Value: s.AppID},
		"feishu-helpdesk:appSecret":     {Value: s.AppSecret, Secret: true},
	}); err != nil {
		return fmt.Errorf("setting the config: %w", err)
	}
	fmt.Println("config: feishu-helpdesk:baseUrl, helpdeskId, appId; helpdeskToken and appSecret as secrets")

	up, err := stack.Up(ctx, optup.ProgressStreams(os.Stderr))
	if err != nil {
		return fmt.Errorf("up: %w", err)
	}
	id, _ := up.Outputs["notificationId"].Value.(string)
	stage, _ := up.Outputs["stage"].Value.(string)
	fmt.Printf("up: %s; notificationId=%s stage=%s jobName=%q\n",
		changes(up.Summary.ResourceChanges), id, stage, up.Outputs["jobName"].Value)
	if id == "" {
		return fmt.Errorf("up gave no notificationId: %v", up.Outputs)
	}

	destroy, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stderr))
	if err != nil {
		return fmt.Errorf("destroy: %w", err)
	}
	fmt.Printf("destroy: %s\n", changes(destroy.Summary.ResourceChanges))
	if err := stack.Workspace().RemoveStack(ctx, stack.Name()); err != nil {
		return fmt.Errorf("removing the stack: %w", err)
	}
	fmt.Println("stack removed")
	return nil
}

// changes prints an update's resource changes the way `pulumi up` sums them up.
func changes(counts *map[string]int) string {
	if counts == nil {
		return "no changes"
	}
	text := ""
	for _, op := range []string{"create", "update", "delete", "same"} {
		if n := (*counts)[op]; n > 0 {
			if text != "" {
				text += ", "
			}
			text += fmt.Sprintf("%d %s", n, op)
		}
	}
	return text
}
