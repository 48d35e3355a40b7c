#include "programme/seed_check.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "programme/check.h"

namespace ruralec::programme {
namespace {

using Ranges = std::vector<std::pair<int, int>>;  // inclusive line ranges, 1-based

const std::regex& RefPattern() {
  static const std::regex re(R"(l\.\s*(\d+)(?:\s*-\s*(\d+))?)");
  return re;
}

// Every `l.N` / `l.N-M` in `s`.
Ranges Refs(const std::string& s) {
  Ranges out;
  for (std::sregex_iterator it(s.begin(), s.end(), RefPattern()), end; it != end; ++it) {
    int a = std::stoi((*it)[1].str());
    int b = (*it)[2].matched ? std::stoi((*it)[2].str()) : a;
    out.push_back({a, std::max(a, b)});
  }
  return out;
}

std::string StripRefs(const std::string& s) { return std::regex_replace(s, RefPattern(), ""); }

// The text without any whitespace (ASCII, U+3000, U+00A0): plans break lines and put spaces
// inside words ("2018年 7月底前"), so words are compared in this form.
std::string Compact(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (std::isspace(c)) continue;
    if (c == 0xE3 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80) {
      i += 2;
      continue;
    }
    if (c == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] == 0xA0) {
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

// Decimal numbers written in `s` ("65", "1.28"), each whole (no digit on either side).
std::vector<std::string> Numbers(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!std::isdigit((unsigned char)s[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && std::isdigit((unsigned char)s[j])) ++j;
    if (j + 1 < s.size() && s[j] == '.' && std::isdigit((unsigned char)s[j + 1])) {
      ++j;
      while (j < s.size() && std::isdigit((unsigned char)s[j])) ++j;
    }
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

// The words between “ and ” in `s`; a quote elided with …… counts as its parts.
std::vector<std::string> Quoted(const std::string& s) {
  static const std::string kOpen = "“", kClose = "”", kEllipsis = "……";
  std::vector<std::string> out;
  size_t pos = 0;
  while ((pos = s.find(kOpen, pos)) != std::string::npos) {
    size_t end = s.find(kClose, pos + kOpen.size());
    if (end == std::string::npos) break;
    std::string q = Compact(s.substr(pos + kOpen.size(), end - pos - kOpen.size()));
    size_t from = 0, cut;
    while ((cut = q.find(kEllipsis, from)) != std::string::npos) {
      if (cut > from) out.push_back(q.substr(from, cut - from));
      from = cut + kEllipsis.size();
    }
    if (from < q.size()) out.push_back(q.substr(from));
    pos = end + kClose.size();
  }
  return out;
}

bool StartsWith(const std::string& s, size_t pos, const std::string& prefix) {
  return s.compare(pos, prefix.size(), prefix) == 0;
}

// Whether `hay` holds four consecutive Chinese characters of `text` (punctuation and ASCII
// break a run): the item's own wording, for a reference cited for its description.
bool SharesWording(const std::string& hay, const std::string& text) {
  static const std::set<std::string> kMarks = {"，", "。", "、", "；", "：", "“", "”",
                                               "（", "）", "《", "》", "…",  "—"};
  std::vector<std::string> run;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    std::string ch = text.substr(i, len);
    i += len;
    if (len == 1 || kMarks.count(ch)) {
      run.clear();
      continue;
    }
    run.push_back(ch);
    if (run.size() > 4) run.erase(run.begin());
    if (run.size() == 4 && hay.find(run[0] + run[1] + run[2] + run[3]) != std::string::npos)
      return true;
  }
  return false;
}

std::string Join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// Lines of the seed ready to search: without whitespace, and their numbers.
struct Text {
  std::string label;    // "l.44; l.355-364"
  std::string compact;  // the lines without whitespace, in order
  std::set<std::string> numbers;
};

// The lines a source cites: all of them, and each reference on its own.
struct Cited : Text {
  Ranges ranges;
  std::vector<Text> parts;  // one per l.N / l.N-M
  bool empty() const { return ranges.empty(); }
};

class SeedChecker {
 public:
  SeedChecker(const Programme& p, std::string file, const SeedText& seed,
              const RegionDirectory* regions)
      : p_(p), file_(std::move(file)), seed_(seed), regions_(regions) {
    for (size_t i = 0; i < seed_.lines.size(); ++i) {
      std::string c = Compact(seed_.lines[i]);
      all_compact_ += c;
      line_of_.insert(line_of_.end(), c.size(), static_cast<int>(i) + 1);
    }
  }

  std::vector<Issue> Run() {
    PeriodNote();
    for (const auto& ph : p_.phases) Phase(ph);
    for (const auto& t : p_.targets) Target(t);
    for (const auto& t : p_.tasks) Task(t);
    for (const auto& r : p_.award_rules) Rule(r);
    Funds();
    Workflow();
    return std::move(issues_);
  }

 private:
  void Add(int line, std::string msg) { issues_.push_back({file_, line, std::move(msg)}); }

  // Parses the references of `source`; a reference outside the seed is reported (once per
  // item: `report` false when the same source was already read for the item).
  Cited Cite(const std::string& source, int line, const std::string& what, bool report = true) {
    Cited c;
    int n = static_cast<int>(seed_.lines.size());
    std::vector<std::string> labels;
    for (auto [a, b] : Refs(source)) {
      labels.push_back(a == b ? "l." + std::to_string(a)
                              : "l." + std::to_string(a) + "-" + std::to_string(b));
      if (a < 1 || b > n) {
        if (report)
          Add(line, what + ": 引用 " + labels.back() + " 超出原文（" + seed_.name + " 共 " +
                        std::to_string(n) + " 行）(cites a line past the end of the seed)");
        if (a > n || b < 1) continue;
        a = std::max(a, 1);
        b = std::min(b, n);
      }
      c.ranges.push_back({a, b});
      Text part{labels.back(), "", {}};
      for (int l = a; l <= b; ++l) {
        part.compact += Compact(seed_.lines[l - 1]);
        for (auto& num : Numbers(seed_.lines[l - 1])) part.numbers.insert(num);
      }
      c.compact += part.compact;
      c.numbers.insert(part.numbers.begin(), part.numbers.end());
      c.parts.push_back(std::move(part));
    }
    c.label = Join(labels, "; ");
    return c;
  }

  // Lines of the seed where a number or a word occurs: "l.44, l.46", at most three.
  std::string Where(const std::string& token, bool number) const {
    std::vector<std::string> at;
    if (number) {
      for (size_t i = 0; i < seed_.lines.size() && at.size() < 3; ++i) {
        auto nums = Numbers(seed_.lines[i]);
        if (std::find(nums.begin(), nums.end(), token) != nums.end())
          at.push_back("l." + std::to_string(i + 1));
      }
    } else {
      size_t pos = 0;
      while (at.size() < 3 && (pos = all_compact_.find(token, pos)) != std::string::npos) {
        std::string l = "l." + std::to_string(line_of_[pos]);
        if (at.empty() || at.back() != l) at.push_back(l);
        pos += token.size();
      }
    }
    return at.empty() ? "原文中没有" : "原文在 " + Join(at, ", ");
  }

  // A figure is on the cited lines as a number, as a Chinese numeral with a measure word
  // (1..10: 一个), or the item's text says how it was read from words ("记为100%").
  static bool HasNumber(const Text& c, const std::string& n, const std::string& text) {
    if (c.numbers.count(n)) return true;
    if (text.find("记为" + n) != std::string::npos) return true;
    static const char* kNumerals[] = {"",   "一", "二", "三", "四", "五",
                                      "六", "七", "八", "九", "十"};
    if (n.size() > 2 || n.find('.') != std::string::npos) return false;
    int v = std::stoi(n);
    if (v < 1 || v > 10) return false;
    std::vector<std::string> spellings = {kNumerals[v]};
    if (v == 2) spellings.push_back("两");
    for (const auto& s : spellings)
      for (const char* m : {"个", "家", "种", "套", "条", "名", "项", "批", "所"})
        if (c.compact.find(s + m) != std::string::npos) return true;
    return false;
  }

  // Reports the figures and words of an item that its cited lines do not contain, and each
  // reference that holds none of them (a shifted l.N next to a right one).
  void Require(const Cited& c, int line, const std::string& what,
               const std::vector<std::string>& numbers, const std::vector<std::string>& words,
               const std::string& text = "") {
    if (c.empty()) return;
    if (c.parts.size() > 1) {
      for (const auto& part : c.parts) {
        bool any = std::any_of(numbers.begin(), numbers.end(),
                               [&](const std::string& n) { return HasNumber(part, n, text); }) ||
                   std::any_of(words.begin(), words.end(),
                               [&](const std::string& w) {
                                 return part.compact.find(Compact(w)) != std::string::npos;
                               }) ||
                   SharesWording(part.compact, Compact(text));
        if (!any && !(numbers.empty() && words.empty()))
          Add(line, what + ": 引用 " + part.label + " 中没有本条的任何数字或引文（" +
                        Clue(numbers, words) + "）(a reference holds nothing of the item)");
      }
    }
    std::vector<std::string> missing;
    std::set<std::string> done;
    for (const auto& n : numbers) {
      if (n.empty() || !done.insert(n).second || HasNumber(c, n, text)) continue;
      missing.push_back(n + "（" + Where(n, true) + "）");
    }
    for (const auto& w : words) {
      std::string cw = Compact(w);
      if (cw.empty() || !done.insert(cw).second || c.compact.find(cw) != std::string::npos)
        continue;
      missing.push_back("“" + cw + "”（" + Where(cw, false) + "）");
    }
    if (!missing.empty())
      Add(line, what + ": 引用 " + c.label + " 中找不到 " + Join(missing, "、") +
                    " (cited lines do not hold the item)");
  }

  // Where the item's most telling figure or word is in the seed, for a reference that holds
  // none of them: the first number (the item's own figure comes first), else the longest word.
  std::string Clue(const std::vector<std::string>& numbers,
                   const std::vector<std::string>& words) const {
    auto longest = [](const std::vector<std::string>& v) {
      std::string best;
      for (const auto& s : v)
        if (s.size() > best.size()) best = s;
      return best;
    };
    std::string n = numbers.empty() ? "" : numbers.front();
    if (!n.empty()) return n + " " + Where(n, true);
    std::string w = Compact(longest(words));
    return "“" + w + "” " + Where(w, false);
  }

  static std::vector<std::string> TextNumbers(const std::string& text) {
    return Numbers(StripRefs(text));
  }

  void PeriodNote();
  void Phase(const programme::Phase& ph);
  void Target(const programme::Target& t);
  void QuotaList(const programme::Target& t, const RegionRef& parent);
  void QuotaEachSet(const programme::Target& t, const RegionRef& parent);
  void Candidates(const programme::Target& t, const Cited& c, const RegionRef& parent);
  void Task(const programme::Task& t);
  void Rule(const AwardRule& r);
  void Funds();
  void Workflow();

  // Children of `parent` the cited text names, by full name or by stem followed by a level
  // suffix or a list mark (三八、汴河街道, 西二铺乡 for 西二铺镇) — never 埇桥区 for 埇桥街道.
  std::vector<ResolvedRegion> NamedChildren(const std::string& compact,
                                            const RegionRef& parent) const;
  std::vector<ResolvedRegion> ChildrenOf(const RegionRef& parent) const {
    auto pc = RegionCode::Parse(parent.resolved_code);
    if (!regions_ || !pc.ok()) return {};
    return regions_->Children(*pc);
  }

  const Programme& p_;
  std::string file_;
  const SeedText& seed_;
  const RegionDirectory* regions_;
  std::string all_compact_;
  std::vector<int> line_of_;  // line of each byte of all_compact_
  std::vector<Issue> issues_;
};

std::vector<ResolvedRegion> SeedChecker::NamedChildren(const std::string& compact,
                                                       const RegionRef& parent) const {
  static const std::vector<std::string> kTownNext = {"乡", "镇", "街道", "街", "、",
                                                     "，", ",",  "；",   "）"};
  static const std::vector<std::string> kCountyNext = {"县", "区", "市", "、",
                                                       "，", ",",  "；", "）"};
  std::vector<ResolvedRegion> out;
  for (const auto& child : ChildrenOf(parent)) {
    bool named = compact.find(child.name) != std::string::npos;
    std::string stem = NameStem(child.name);
    std::string suffix = LevelSuffix(child.name);
    bool town = suffix == "乡" || suffix == "镇" || suffix == "街道";
    const auto& next = town ? kTownNext : kCountyNext;
    for (size_t pos = 0; !named && stem.size() >= 6 && stem != child.name &&
                         (pos = compact.find(stem, pos)) != std::string::npos;
         pos += stem.size()) {
      size_t after = pos + stem.size();
      named = after == compact.size() ||
              std::any_of(next.begin(), next.end(),
                          [&](const std::string& n) { return StartsWith(compact, after, n); });
    }
    if (named) out.push_back(child);
  }
  return out;
}

void SeedChecker::PeriodNote() {
  // Each clause of the note (split at ；) is checked against the lines it cites.
  std::string note = p_.period_note;
  size_t from = 0;
  while (from <= note.size()) {
    size_t cut = note.find("；", from);
    std::string clause =
        note.substr(from, cut == std::string::npos ? std::string::npos : cut - from);
    Cited c = Cite(clause, 1, "period.note");
    Require(c, 1, "period.note “" + clause + "”", TextNumbers(clause), {});
    if (cut == std::string::npos) break;
    from = cut + std::string("；").size();
  }
}

void SeedChecker::Phase(const programme::Phase& ph) {
  std::string what = "阶段 " + ph.name;
  Cited c = Cite(ph.source, ph.line, what);
  std::vector<std::string> nums = TextNumbers(ph.text);
  for (const auto& d : {ph.start, ph.end}) {
    if (!d) continue;
    nums.push_back(std::to_string(d->year()));
    nums.push_back(std::to_string(d->month()));
  }
  Require(c, ph.line, what, nums, Quoted(ph.text), ph.text);
}

void SeedChecker::Target(const programme::Target& t) {
  std::string what = "target " + t.id;
  Cited c = Cite(t.source, t.line, what);
  std::vector<std::string> nums;
  if (t.value) nums.push_back(t.value->text);
  auto th = t.params.find("threshold");
  if (th != t.params.end())
    for (auto& n : Numbers(th->second)) nums.push_back(n);
  for (auto& n : TextNumbers(t.text)) nums.push_back(n);
  if (t.deadline) nums.push_back(std::to_string(t.deadline->year()));
  std::vector<std::string> words = Quoted(t.text);
  for (auto& w : Quoted(t.open)) words.push_back(w);
  Require(c, t.line, what, nums, words, t.text);
  const RegionRef& parent = t.region ? *t.region : p_.region;
  if (t.region && !c.empty() && c.compact.find(NameStem(t.region->name)) == std::string::npos)
    Add(t.region->line, what + ": 引用 " + c.label + " 中没有区划 " + t.region->name + "（" +
                            Where(NameStem(t.region->name), false) + "）");
  QuotaList(t, parent);
  QuotaEachSet(t, parent);
  Candidates(t, c, parent);
}

void SeedChecker::QuotaList(const programme::Target& t, const RegionRef& parent) {
  if (t.quotas.empty()) return;
  const std::string& own = t.quotas[0].source;
  Cited c = own.empty() ? Cite(t.source, t.line, "", false)
                        : Cite(own, t.quotas[0].line, "target " + t.id + " quotas");
  if (c.empty()) return;
  for (const auto& q : t.quotas)
    Require(c, q.line, "target " + t.id + " 配额 " + q.region.name, {q.value.text}, {});
  if (!regions_) return;
  std::set<std::string> classes;
  for (const auto& [word, suffixes] : CollectiveWords())
    if (c.compact.find(word) != std::string::npos) classes.insert(suffixes.begin(), suffixes.end());
  std::set<std::string> named, listed;
  for (const auto& r : NamedChildren(c.compact, parent)) named.insert(r.code.str());
  for (const auto& q : t.quotas) {
    listed.insert(q.region.resolved_code);
    if (q.region.resolved_code.empty() || named.count(q.region.resolved_code) ||
        classes.count(LevelSuffix(q.region.resolved_name)))
      continue;
    Add(q.line, "target " + t.id + " 配额区划 " + q.region.name + ": 引用 " + c.label +
                    " 的句子既未点名，也没有“各县区”等统称（" +
                    Where(NameStem(q.region.name), false) + "）");
  }
  for (const auto& child : ChildrenOf(parent)) {
    std::string code = child.code.str();
    if (listed.count(code)) continue;
    if (named.count(code))
      Add(t.line, "target " + t.id + ": 引用 " + c.label + " 的句子点名了 " + child.name +
                      "，配额中却没有 (a region the sentence names is missing)");
    else if (classes.count(LevelSuffix(child.name)))
      Add(t.line, "target " + t.id + ": 引用 " + c.label + " 的统称包括 " + child.name +
                      "，配额中却没有 (the collective word takes every region of its class)");
  }
}

void SeedChecker::QuotaEachSet(const programme::Target& t, const RegionRef& parent) {
  if (!t.quota_each) return;
  const auto& e = *t.quota_each;
  std::string what = "target " + t.id + " quota_each";
  Cited c = e.source.empty() ? Cite(t.source, e.line, what, false) : Cite(e.source, e.line, what);
  Require(c, e.line, what, {e.value.text}, {e.applies_to});
  for (const auto& s : e.name_suffixes)
    if (e.applies_to.find(s) == std::string::npos)
      Add(e.line, what + ": name_suffixes 的 " + s + " 不在 applies_to “" + e.applies_to + "” 中");
  if (c.empty() || !regions_) return;
  std::set<std::string> in_set;
  for (const auto& r : e.regions) in_set.insert(r.resolved_code);
  std::map<std::string, std::vector<std::string>> named_by_suffix;
  std::set<std::string> named;
  for (const auto& r : NamedChildren(c.compact, parent)) {
    named.insert(r.code.str());
    named_by_suffix[LevelSuffix(r.name)].push_back(r.name);
    if (!in_set.count(r.code.str()))
      Add(e.line, what + ": 引用 " + c.label + " 的句子点名了 " + r.name +
                      "，集合中却没有 (a region the sentence names is missing)");
  }
  for (const auto& s : e.name_suffixes) {
    auto it = named_by_suffix.find(s);
    if (it == named_by_suffix.end()) continue;
    int all = 0;
    for (const auto& child : ChildrenOf(parent)) all += LevelSuffix(child.name) == s ? 1 : 0;
    Add(e.line, what + ": name_suffixes 的 " + s + " 包括全部 " + std::to_string(all) + " 个" + s +
                    "，但引用 " + c.label + " 的句子只点名了 " + Join(it->second, "、") +
                    "（写入 names，不用后缀）");
  }
  for (const auto& n : e.names)
    if (!n.resolved_code.empty() && !named.count(n.resolved_code))
      Add(n.line, what + ": names 中的 " + n.name + " 不在引用 " + c.label + " 的句子中（" +
                      Where(NameStem(n.name), false) + "）");
}

void SeedChecker::Candidates(const programme::Target& t, const Cited& c, const RegionRef& parent) {
  if (t.candidates.empty() || c.empty() || !regions_) return;
  std::set<std::string> named;
  for (const auto& r : NamedChildren(c.compact, parent)) named.insert(r.code.str());
  for (const auto& r : t.candidates)
    if (!r.resolved_code.empty() && !named.count(r.resolved_code))
      Add(r.line, "target " + t.id + " 的候选区划 " + r.name + " 不在引用 " + c.label + " 中（" +
                      Where(NameStem(r.name), false) + "）");
}

void SeedChecker::Task(const programme::Task& t) {
  std::string what = "任务 " + std::to_string(t.number);
  Cited c = Cite(t.source, t.line, what);
  std::vector<std::string> words = Quoted(t.text);
  if (!t.deadline_text.empty()) words.push_back(t.deadline_text);
  Require(c, t.line, what, TextNumbers(t.text), words, t.text);
}

void SeedChecker::Rule(const AwardRule& r) {
  std::string what = "award rule " + r.id;
  Cited c = Cite(r.source, r.line, what);
  std::vector<std::string> nums;
  for (const auto* q : {&r.amount.value, &r.amount.percent, &r.amount.cap, &r.amount.floor})
    if (*q) nums.push_back((*q)->text);
  for (const auto& tier : r.amount.tiers) nums.push_back(tier.amount.text);
  for (const auto& e : r.eligibility)
    if (e.threshold) nums.push_back(e.threshold->text);
  for (auto& n : TextNumbers(r.text)) nums.push_back(n);
  Require(c, r.line, what, nums, Quoted(r.text), r.text);
  for (const auto& m : r.multipliers) {
    Cited mc = m.source.empty() ? c : Cite(m.source, m.line, what + " multiplier");
    Require(mc, m.line, what + " multiplier " + m.region_tag, {m.uplift.text}, {});
  }
}

void SeedChecker::Funds() {
  const auto& fp = p_.fund_plan;
  for (const auto& f : fp.funds) {
    Cited c = Cite(f.source, f.line, "fund " + f.id);
    std::vector<std::string> nums;
    if (f.amount) nums.push_back(f.amount->text);
    for (const auto& t : f.tranches) nums.push_back(t.amount.text);
    Require(c, f.line, "fund " + f.id, nums, {});
  }
  for (const auto& k : fp.categories) {
    Cited c = Cite(k.source, k.line, "category " + k.id);
    Require(c, k.line, "category " + k.id, {k.amount ? k.amount->text : ""}, {});
  }
  for (const auto& k : fp.constraints) {
    Cited c = Cite(k.source, k.line, "constraint " + k.id);
    std::vector<std::string> nums;
    if (k.percent) nums.push_back(k.percent->text);
    for (auto& n : TextNumbers(k.text)) nums.push_back(n);
    Require(c, k.line, "constraint " + k.id, nums, Quoted(k.text), k.text);
  }
  Cite(fp.source, 1, "fund_plan.source");
}

void SeedChecker::Workflow() {
  std::set<std::string> stages;
  for (const auto& s : p_.workflow.stages) stages.insert(s.stage);
  for (const auto& s : p_.workflow.stages) {
    std::string what = "stage " + s.stage;
    if (!s.after.empty() && !stages.count(s.after))
      Add(s.line, what + ": after 引用的阶段 " + s.after +
                      " 不在本文件的 workflow.stages 中（有: " +
                      Join(std::vector<std::string>(stages.begin(), stages.end()), ", ") +
                      "）(after must name a stage of the file)");
    Cited c = Cite(s.source, s.line, what);
    std::vector<std::string> nums;
    if (s.working_days) nums.push_back(std::to_string(*s.working_days));
    for (auto& n : TextNumbers(s.text)) nums.push_back(n);
    Require(c, s.line, what, nums, Quoted(s.text), s.text);
  }
  for (const auto& m : p_.workflow.materials) {
    Cited c = Cite(m.source, m.line, "materials " + m.project_type);
    Require(c, m.line, "materials " + m.project_type, {}, m.items);
  }
  for (const auto& r : p_.workflow.reporting) {
    Cited c = Cite(r.source, r.line, "reporting");
    if (r.frequency == "quarterly") Require(c, r.line, "reporting", {}, {"季度"});
  }
}

}  // namespace

Result<SeedText> ReadSeed(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Invalid("seed", "无法读取原文文件 (cannot read seed): " + path);
  SeedText seed;
  size_t slash = path.find_last_of('/');
  seed.name = slash == std::string::npos ? path : path.substr(slash + 1);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    seed.lines.push_back(std::move(line));
  }
  return seed;
}

std::vector<Issue> CheckAgainstSeed(const Programme& p, const std::string& file,
                                    const SeedText& seed, const RegionDirectory* regions) {
  return SeedChecker(p, file, seed, regions).Run();
}

ParsedProgramme CheckFileWithSeed(const std::string& path, const std::string& division_dir,
                                  const std::string& seed_path) {
  std::optional<RegionDirectory> dir;
  ParsedProgramme parsed = CheckFile(path, division_dir, &dir);
  if (parsed.text.empty()) return parsed;
  auto seed = ReadSeed(seed_path);
  if (!seed.ok()) {
    parsed.issues.push_back({path, 0, seed.error().message});
    return parsed;
  }
  if (seed->name != parsed.programme.source_document)
    parsed.issues.push_back(
        {path, 1,
         "原文文件 " + seed->name + " 不是 source_document " + parsed.programme.source_document});
  auto more = CheckAgainstSeed(parsed.programme, path, *seed, dir ? &*dir : nullptr);
  parsed.issues.insert(parsed.issues.end(), more.begin(), more.end());
  std::stable_sort(parsed.issues.begin(), parsed.issues.end(),
                   [](const Issue& a, const Issue& b) { return a.line < b.line; });
  return parsed;
}

}  // namespace ruralec::programme
