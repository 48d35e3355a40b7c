#include "training/module.h"

#include "households/help.h"
#include "http/server.h"
#include "runtime/context.h"
#include "runtime/import_undo.h"
#include "training/api/training_handlers.h"
#include "training/cli/training_command.h"
#include "training/indicators.h"
#include "training/training.h"
#include "training/training_store.h"

namespace ruralec::training {
namespace {

std::vector<runtime::DictEntry> Entries(std::string_view dict) {
  std::vector<runtime::DictEntry> out;
  for (const auto& v : Builtin(dict)) out.push_back({v.value, v.label});
  return out;
}

// A dictionary counties extend in training_dict_entries (字典管理 and /training/dicts/…).
runtime::Dict Extensible(const std::string& name, const std::string& title) {
  return {name, Entries(name), nullptr, title,
          runtime::OwnTableExtension<DictValue>("training:dict:edit", name, store::DictEntries,
                                                store::AddDictEntry, store::SetDictEntryDisabled)};
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
      {"training:evidence",
       "上传培训班次佐证材料（讲师限本人授课的班次）",
       {"county_staff", "town_staff", "trainer"}},
  };
}

}  // namespace

const runtime::Module& ModuleDef() {
  static const runtime::Module m = [] {
    runtime::Module m;
    m.name = "training";
    m.title = "电商培训";
    m.depends = {"region", "account", "entity", "households", "attachments"};
    m.tables = {"training_courses",  "training_sessions",     "training_session_trainers",
                "training_trainees", "training_enrolments",   "training_attendance",
                "training_outcomes", "training_dict_entries", "training_settings"};
    m.permissions = Permissions();
    // The built-in entries; with a county's additions also GET /training/dicts/{name}.
    m.dicts = {Extensible("training_levels", "培训层次"),
               Extensible("training_tags", "培训内容标签"),
               Extensible("training_audiences", "培训人员类别"),
               {"training_outcome_kinds", Entries("training_outcome_kinds"), nullptr,
                "培训后跟踪成果类别"}};
    m.audit_actions = {{"training.course.create", "登记培训课程"},
                       {"training.course.update", "修改培训课程"},
                       {"training.session.create", "登记培训班次"},
                       {"training.session.update", "修改培训班次"},
                       {"training.trainee.create", "登记培训学员"},
                       {"training.trainee.link", "关联学员与贫困户"},
                       {"training.enrol", "培训报名"},
                       {"training.attendance", "登记培训出勤"},
                       {"training.dict.add", "添加培训字典项"},
                       {"training.settings", "设定培训转化口径"},
                       {"training.certificate.pdf", "下载培训合格证书（PDF）"},
                       {"training.file.add", "上传培训佐证材料"},
                       {"training.file.download", "查看培训佐证材料"}};
    m.indicators = indicators::Sources();
    // An imported entity these records name cannot be removed by undoing its import.
    m.import_dependents = {runtime::ReferencesTo(
        "entities", "经营主体",
        {{"SELECT COUNT(*) FROM training_courses WHERE organiser_entity_id",
          "个培训课程（主办单位）"},
         {"SELECT COUNT(*) FROM training_outcomes WHERE entity_id", "条培训跟踪成果"}})};
    m.routes = [](http::Server& s, runtime::Context& c) {
      api::RegisterRoutes(s, Deps{c.db(), c.audit(), c.clock(), c.cipher()});
    };
    m.commands = AddTrainingCommands;
    // A registered poor household whose head attended training in a period counts as helped
    // (households' coverage); the link is set when the trainee is registered or seen again.
    households::AddHelpSource("training", store::HouseholdsTrained);
    return m;
  }();
  return m;
}

}  // namespace ruralec::training
