/* eslint-disable */
/* tslint:disable */
// This file is generated. Do not edit it manually.

import * as integrations from './integrations/index'
import * as interfaces from './interfaces/index'
import * as configuration from './configuration/index'
import * as events from './events/index'
import * as states from './states/index'
import * as actions from './actions/index'
import * as tables from './tables/index'
import * as workflows from './workflows/index'
import * as conversation from './conversation/index'
import * as message from './message/index'
import * as user from './user/index'

export * as integrations from './integrations/index'
export * as interfaces from './interfaces/index'
export * as configuration from './configuration/index'
export * as events from './events/index'
export * as states from './states/index'
export * as actions from './actions/index'
export * as tables from './tables/index'
export * as workflows from './workflows/index'
export * as conversation from './conversation/index'
export * as message from './message/index'
export * as user from './user/index'

export type TPlugin = {
  name: "bookwell"
  version: "0.1.0"
  integrations: integrations.Integrations
  interfaces: interfaces.Interfaces
  configuration: configuration.Configuration
  events: events.Events
  states: states.States
  actions: actions.Actions
  tables: tables.Tables
  workflows: workflows.Workflows
  conversation: conversation.Conversation
  message: message.Message
  user: user.User
}