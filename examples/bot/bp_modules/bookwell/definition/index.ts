/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as sdk from "@botpress/sdk"

import * as configuration from "./configuration/index"
import * as actions from "./actions/index"
import * as events from "./events/index"
import * as states from "./states/index"
import * as interfaces from "./interfaces/index"
import * as recurringEvents from "./recurringEvents/index"
export * as configuration from "./configuration/index"
export * as actions from "./actions/index"
export * as events from "./events/index"
export * as states from "./states/index"
export * as interfaces from "./interfaces/index"
export * as recurringEvents from "./recurringEvents/index"

export default {
  name: "bookwell",
  version: "0.1.0",
  attributes: {},
  user: { "tags": {} },
  conversation: { "tags": {} },
  configuration: configuration.configuration,
  actions: actions.actions,
  events: events.events,
  states: states.states,
  interfaces: interfaces.interfaces,
  recurringEvents: recurringEvents.recurringEvents,
} satisfies sdk.PluginPackage["definition"]