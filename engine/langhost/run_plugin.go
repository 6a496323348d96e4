package main

// RunPlugin: how the engine (v3.221 and later) starts a Node.js policy pack. It no longer runs a
// `pulumi-analyzer-policy` shim; it asks the pack's language host to run the pack as a plugin of
// kind "analyzer", with the pack folder (the one holding PulumiPolicy.yaml) as the program
// directory. Facts taken from the upstream Node.js host and sdk/v3 at v3.248.0:
//
//   - the runner is `@pulumi/pulumi/cmd/run-policy-pack`, resolved from the pack folder (so the
//     pack's own @pulumi/pulumi is used), started with the pack folder as working directory and
//     as its last argument, after the engine's arguments (the engine address);
//   - the runner still expects the stack's identity and config in PULUMI_NODEJS_* and
//     PULUMI_CONFIG variables, which the engine now sends over gRPC (ConfigureStack) after the
//     plugin has started. sdk.NewPolicyProxy bridges the two: it serves the Analyzer service to
//     the engine first, receives ConfigureStack, then the pack is started with those variables
//     and every later call is forwarded to it.

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"strconv"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/apitype"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

const policyPackRunner = "@pulumi/pulumi/cmd/run-policy-pack"

func (h *host) RunPlugin(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	// Resource, converter and tool plugins written in Node.js are not needed by this project.
	if req.GetKind() != string(apitype.AnalyzerPlugin) {
		return status.Errorf(codes.Unimplemented,
			"this Node.js language host runs policy packs only, not plugins of kind %q", req.GetKind())
	}
	ctx := server.Context()
	packDir := req.GetInfo().GetProgramDirectory()

	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	runner, err := h.resolveFrom(packDir, policyPackRunner)
	if err != nil {
		return fmt.Errorf("could not find %s from the policy pack %s: run `npm install` there first (%v)",
			policyPackRunner, packDir, err)
	}
	args := nodeArgs(req.GetInfo().GetOptions().AsMap())
	args = append(args, runner)
	args = append(args, req.GetArgs()...)
	args = append(args, packDir)

	proxy, proxyStdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("could not start the policy pack proxy: %w", err)
	}
	// Prints the proxy's port for the engine, then waits for its ConfigureStack call.
	config, err := proxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("could not get the stack configuration for the policy pack: %w", err)
	}
	env, err := policyPackEnv(req.GetEnv(), config)
	if err != nil {
		return err
	}

	cmd := exec.CommandContext(ctx, h.node, args...)
	cmd.Dir = packDir
	cmd.Env = env
	cmd.Stdout = proxyStdout // its first line, the pack's port, is read by the proxy
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("could not run node for the policy pack: %w", err)
	}
	// Attach waits for the pack's port, forwards the engine's calls to it, and returns when it exits.
	if err := proxy.Attach(ctx, cmd); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return fmt.Errorf("policy pack exited with non-zero exit code: %d", exitErr.ExitCode())
		}
		return fmt.Errorf("policy pack in %s: %w", packDir, err)
	}
	return closer.Close()
}

// policyPackEnv is the engine's environment for the plugin plus the stack's identity and config,
// in the variables run-policy-pack reads (an empty value is left out, as the engine used to).
func policyPackEnv(env []string, config *pulumirpc.AnalyzerStackConfigureRequest) ([]string, error) {
	if config == nil {
		return env, nil
	}
	add := func(key, value string) {
		if value != "" {
			env = append(env, key+"="+value)
		}
	}
	add("PULUMI_NODEJS_ORGANIZATION", config.GetOrganization())
	add("PULUMI_NODEJS_PROJECT", config.GetProject())
	add("PULUMI_NODEJS_STACK", config.GetStack())
	add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(config.GetDryRun()))
	if config.GetConfig() != nil {
		encoded, err := json.Marshal(config.GetConfig())
		if err != nil {
			return nil, fmt.Errorf("could not encode the stack configuration: %w", err)
		}
		add("PULUMI_CONFIG", string(encoded))
	}
	return env, nil
}
