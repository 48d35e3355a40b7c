#include "training/module.h"

#include "http/server.h"
#include "runtime/context.h"
#include "training/api/training_handlers.h"
#include "training/cli/training_command.h"
#include "training/indicators.h"
#include "training/training.h"

namespace ruralec::training {
namespace {

std::vector<runtime::DictEntry> Entries(std::string_view dict) {
  std::vector<runtime::DictEntry> out;
  for (const auto& v : Builtin(dict)) out.push_back({v.value, v.label});
  return out;
}

std::vector<runtime::Permission> Permissions() {
  return {
      {"training:read",
       "查看辖区内的培训课程、班次和学员",
       {"county_staff", "finance_staff", "town_staff", "auditor"}},
      {"training:read:own", "查看本人授课的班次及其学员", {"trainer"}},
      {"training:teach", "可被指定为培训班次的讲师", {"trainer"}},
      {"training:edit", "登记、修改培训课程、班次和学员", {"county_staff", "town_staff"}},
      {"training:attend",
       "登记培训出勤（讲师限本人授课的班次）",
       {"county_staff", "town_staff", "trainer"}},
      {"training:import", "导入培训签到表", {"county_staff", "town_staff", "trainer"}},
      {"training:settings", "设定本区县的培训转化口径和跟踪提醒天数", {"county_staff"}},
      {"training:dict:edit", "维护培训层次、内容和人员类别字典", {"county_staff"}},
  };
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "training";
    m.title = "电商培训";
    m.depends = {"region", "account", "entity"};
    m.tables = {"training_courses",  "training_sessions",     "training_session_trainers",
                "training_trainees", "training_enrolments",   "training_attendance",
                "training_outcomes", "training_dict_entries", "training_settings"};
    m.permissions = Permissions();
    // The built-in entries; a county's additions are served by GET /training/dicts/{name}.
    m.dicts = {{"training_levels", Entries("training_levels"), nullptr},
               {"training_tags", Entries("training_tags"), nullptr},
               {"training_audiences", Entries("training_audiences"), nullptr},
               {"training_outcome_kinds", Entries("training_outcome_kinds"), nullptr}};
    m.audit_actions = {{"training.course.create", "登记培训课程"},
                       {"training.course.update", "修改培训课程"},
                       {"training.session.create", "登记培训班次"},
                       {"training.session.update", "修改培训班次"},
                       {"training.trainee.create", "登记培训学员"},
                       {"training.enrol", "培训报名"},
                       {"training.attendance", "登记培训出勤"},
                       {"training.dict.add", "添加培训字典项"},
                       {"training.settings", "设定培训转化口径"},
                       {"training.certificate.pdf", "下载培训合格证书（PDF）"}};
    m.indicators = indicators::Sources();
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock(), c.cipher()});
    };
    m.commands = AddTrainingCommands;
    return m;
  }();
  return m;
}

}  // namespace ruralec::training
