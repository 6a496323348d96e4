import type * as pulumi from "@pulumi/pulumi";

/**
 * What Pulumi serializes into each resource's `__provider`: methods that `require` the real
 * implementation by package name and stable subpath when they are called. Nothing is captured,
 * so the string stays small, holds no credential, and works from the npm tarball and from a
 * linked checkout alike (capturing the implementation would copy zod into state, and fails).
 */
export const notificationProviderProxy: pulumi.dynamic.ResourceProvider = {
  async configure(req) {
    return require("pulumi-feishu-helpdesk/provider/v1").notificationProvider.configure(req);
  },
  async check(olds, news) {
    return require("pulumi-feishu-helpdesk/provider/v1").notificationProvider.check(olds, news);
  },
  async diff(id, olds, news) {
    return require("pulumi-feishu-helpdesk/provider/v1").notificationProvider.diff(id, olds, news);
  },
  async create(inputs) {
    return require("pulumi-feishu-helpdesk/provider/v1").notificationProvider.create(inputs);
  },
  async read(id, props) {
    return require("pulumi-feishu-helpdesk/provider/v1").notificationProvider.read(id, props);
  },
  async update(id, olds, news) {
    return require("pulumi-feishu-helpdesk/provider/v1").notificationProvider.update(id, olds, news);
  },
  async delete(id, props) {
    return require("pulumi-feishu-helpdesk/provider/v1").notificationProvider.delete(id, props);
  },
};
