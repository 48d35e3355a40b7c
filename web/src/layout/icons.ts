// Icons the side menu may name in route meta `icon`. Add the ones new pages need.
import {
  Avatar, Calendar, DataAnalysis, Document, Goods, HomeFilled, Location, Lock, Money, OfficeBuilding, Setting,
  EditPen, Medal, Reading, Shop, Tickets, Trophy, Van, User, Wallet, Warning, Stamp, Box, DataLine, Monitor,
} from '@element-plus/icons-vue'
import type { Component } from 'vue'

export const menuIcons: Record<string, Component> = {
  Avatar, Calendar, DataAnalysis, Document, Goods, HomeFilled, Location, Lock, Money, OfficeBuilding, Setting,
  EditPen, Medal, Reading, Shop, Tickets, Trophy, Van, User, Wallet, Warning, Stamp, Box, DataLine, Monitor,
}
