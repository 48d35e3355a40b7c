// The console's modules: the only list that names them all. Routes, the side menu, messages and the
// permission list are assembled from it (modules/assemble.ts); deleting a line removes that
// module's pages, menu entries and messages. A module stands after the modules it requires.
import type { WebModule } from './kit'
import home from './home'
import account from './account'
import region from './region'
import calendar from './calendar'
import audit from './audit'
import programme from './programme'
import entity from './entity'
import sales from './sales'
import award from './award'
import station from './station'
import logistics from './logistics'
import designation from './designation'
import households from './households'
import training from './training'
import reporting from './reporting'
import projects from './projects'
import funds from './funds'
import products from './products'
import disclosure from './disclosure'
import settings from './settings'
import dashboard from './dashboard'

export const modules: readonly WebModule[] = [home, account, region, calendar, audit, programme, entity, sales, award, station, logistics, designation, households, training, projects, funds, products, reporting, disclosure, settings, dashboard]
