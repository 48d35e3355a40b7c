#include "api/script.h"

#include <httplib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "account/account.h"
#include "spreadsheet/spreadsheet.h"

namespace ruralec::apitest {
namespace {

using Json = nlohmann::json;
constexpr char kPassword[] = "Sturdy-Passw0rd!";

struct Block {
  int line = 0;
  std::vector<std::string> lines;
};

struct Session {
  std::string cookie, csrf;
};

std::vector<Block> ReadBlocks(std::istream& in) {
  std::vector<Block> blocks;
  Block cur;
  int n = 0;
  for (std::string line; std::getline(in, line);) {
    ++n;
    if (!line.empty() && line[0] == '#') continue;
    if (line.find_first_not_of(" \t") == std::string::npos) {
      if (!cur.lines.empty()) blocks.push_back(cur);
      cur = Block{};
      continue;
    }
    if (cur.lines.empty()) cur.line = n;
    cur.lines.push_back(line);
  }
  if (!cur.lines.empty()) blocks.push_back(cur);
  return blocks;
}

std::vector<std::string> Words(const std::string& s) {
  std::istringstream ss(s);
  std::vector<std::string> out;
  for (std::string w; ss >> w;) out.push_back(w);
  return out;
}

std::string Unescape(const std::string& in);
bool Multipart(const std::string& body, httplib::MultipartFormDataItems& parts);

// Subset match; returns "" or the path where `actual` differs from `want`.
std::string Match(const Json& want, const Json& actual, const std::string& at) {
  if (want.is_string() && want.get<std::string>() == "*") return "";
  if (want.is_object()) {
    if (!actual.is_object()) return at + ": expected an object, got " + actual.dump();
    for (const auto& [k, v] : want.items()) {
      if (!actual.contains(k)) return at + "." + k + ": missing";
      std::string d = Match(v, actual[k], at + "." + k);
      if (!d.empty()) return d;
    }
    return "";
  }
  if (want.is_array()) {
    if (!actual.is_array() || actual.size() != want.size()) {
      return at + ": expected " + want.dump() + ", got " + actual.dump();
    }
    for (size_t i = 0; i < want.size(); ++i) {
      std::string d = Match(want[i], actual[i], at + "." + std::to_string(i));
      if (!d.empty()) return d;
    }
    return "";
  }
  return want == actual ? "" : at + ": expected " + want.dump() + ", got " + actual.dump();
}

Json Lookup(const Json& j, const std::string& path) {
  Json cur = j;
  std::stringstream ss(path);
  for (std::string key; std::getline(ss, key, '.');) {
    if (cur.is_array())
      cur = cur.at(std::stoul(key));
    else
      cur = cur.at(key);
  }
  return cur;
}

}  // namespace

class Runner {
 public:
  Runner(Env& env, std::string file) : env_(env), file_(std::move(file)), cli_(env.host, env.port) {
    // An upload is checked against the NBS divisions (loaded once per process): at -O0 on a
    // shared, loaded machine that exceeds httplib's 5-second default and read as "no response".
    cli_.set_read_timeout(60, 0);
  }

  std::string Var(const std::string& name) const {
    auto it = vars_.find(name);
    return it == vars_.end() ? "" : it->second;
  }
  std::pair<std::string, std::string> SessionOf(const std::string& user) const {
    auto it = sessions_.find(user);
    if (it == sessions_.end()) return {};
    return {it->second.cookie, it->second.csrf};
  }
  void Adopt(const std::string& user, const std::string& cookie, const std::string& csrf) {
    sessions_[user] = {cookie, csrf};
  }

  std::string Run(const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      Block s = Substitute(b);
      std::string err = Step(s);
      if (!err.empty()) return file_ + ":" + std::to_string(b.line) + ": " + err;
    }
    return "";
  }

 private:
  Block Substitute(Block b) {
    for (auto& line : b.lines) {
      for (const auto& [k, v] : vars_) {
        std::string token = "${" + k + "}";
        for (size_t p = line.find(token); p != std::string::npos; p = line.find(token))
          line.replace(p, token.size(), v);
      }
    }
    return b;
  }

  // A request block spans lines; any other block is one command per line.
  std::string Step(const Block& b) {
    static const std::set<std::string> kRequests = {"GET",  "POST",  "PUT",  "DELETE",
                                                    "GET!", "POST!", "PUT!", "DELETE!"};
    if (kRequests.count(Words(b.lines[0]).at(0))) return Request(b);
    for (const auto& line : b.lines) {
      std::string err = Command(line);
      if (!err.empty()) return err;
    }
    return "";
  }

  std::string Command(const std::string& line) {
    auto w = Words(line);
    const std::string& cmd = w[0];
    if (cmd == "user") return AddUser(w);
    if (cmd == "login") return Login(w);
    if (cmd == "as") {
      current_ = w.at(1);
      return "";
    }
    if (cmd == "module") return "";  // read by api_test before the run (RequiredModules)
    if (cmd == "clock") return Clock(w.at(1));
    if (cmd == "sql") return Sql(line.substr(4));
    auto rest = [&] {
      size_t end = line.find(w.at(1)) + w.at(1).size();
      return end + 1 < line.size() ? line.substr(end + 1) : std::string();
    };
    if (cmd == "count") return Count(w.at(1), rest());
    if (cmd == "header") return Header(w.at(1), rest());
    // The text of body-contains / sheet-contains is everything after the command word.
    auto text = [&] { return line.size() > cmd.size() + 1 ? line.substr(cmd.size() + 1) : ""; };
    if (cmd == "body-contains") return Contains(text(), last_raw_);
    if (cmd == "sheet-contains") return Contains(text(), SheetText());
    if (cmd == "body-size")
      return std::to_string(last_raw_.size()) == w.at(1)
                 ? ""
                 : "body-size: expected " + w.at(1) + ", got " + std::to_string(last_raw_.size());
    if (cmd == "body-prefix") {
      std::string want = Unescape(w.at(1));
      return last_raw_.rfind(want, 0) == 0 ? "" : "body does not start with " + w.at(1);
    }
    if (cmd == "capture") {
      vars_[w.at(1)] = Text(Lookup(last_body_, w.at(2)));
      return "";
    }
    if (cmd == "file-var") return FileVar(w.at(1), w.at(2));
    if (cmd == "capture-file") {
      files_[w.at(1)] = last_raw_;
      return "";
    }
    if (cmd == "capture-raw") {
      std::string quoted = Json(last_raw_).dump();
      vars_[w.at(1)] = quoted.substr(1, quoted.size() - 2);
      return "";
    }
    return "unknown command: " + cmd;
  }

  // VAR = the file's text (a path from the source root) as the inside of a JSON string, so
  // `{"yaml": "${VAR}"}` sends the file.
  std::string FileVar(const std::string& var, const std::string& path) {
    std::ifstream in(std::string(RURALEC_SOURCE_DIR) + "/" + path, std::ios::binary);
    if (!in) return "file-var: cannot read " + path;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string quoted = Json(ss.str()).dump();
    vars_[var] = quoted.substr(1, quoted.size() - 2);
    return "";
  }

  static std::string Text(const Json& j) { return j.is_string() ? j.get<std::string>() : j.dump(); }

  std::string AddUser(const std::vector<std::string>& w) {
    account::NewUser nu{w.at(1), w.at(1), {}, w.at(3)};
    std::stringstream ss(w.at(2));
    for (std::string r; std::getline(ss, r, ',');) nu.roles.push_back(r);
    nu.password = kPassword;
    nu.must_change = false;
    for (size_t i = 4; i < w.size(); ++i) {
      if (w[i] == "must-change") nu.must_change = true;
      if (w[i].rfind("bind=", 0) == 0) {  // bind=KIND:ID
        size_t colon = w[i].find(':');
        nu.binding =
            account::Binding{w[i].substr(5, colon - 5), std::stoll(w[i].substr(colon + 1))};
      }
    }
    auto r = env_.ctx->accounts().CreateUser(nullptr, nu);
    if (!r.ok()) return "user " + w.at(1) + ": " + r.error().message;
    vars_[w.at(1) + ".id"] = std::to_string(r->user.id.value);
    return "";
  }

  std::string Login(const std::vector<std::string>& w) {
    Json body{{"username", w.at(1)}, {"password", w.size() > 2 ? w[2] : kPassword}};
    auto res = cli_.Post("/api/v1/auth/login", body.dump(), "application/json");
    if (!res || res->status != 200)
      return "login " + w.at(1) + " failed: " + (res ? res->body : "no response");
    std::string cookie = res->get_header_value("Set-Cookie");
    sessions_[w.at(1)] = {cookie.substr(0, cookie.find(';')), Json::parse(res->body)["csrf_token"]};
    current_ = w.at(1);
    if (env_.on_login) env_.on_login(w.at(1));
    return "";
  }

  std::string Clock(const std::string& spec) {
    int64_t n = std::stoll(spec.substr(1, spec.size() - 2));
    char unit = spec.back();
    int64_t ms = n * (unit == 'h' ? 3'600'000 : unit == 'm' ? 60'000 : 1000);
    env_.clock->Advance(ms);
    return "";
  }

  std::string Sql(const std::string& sql) {
    auto conn = env_.ctx->db().Acquire();
    auto r = conn->Exec(sql);
    return r.ok() ? "" : "sql failed: " + r.error().message;
  }

  std::string Count(const std::string& want, const std::string& sql) {
    auto conn = env_.ctx->db().Acquire();
    auto r = conn->Query(sql);
    if (!r.ok()) return "sql failed: " + r.error().message;
    std::string got = r->at(0).Text(0);
    return got == want ? "" : "count: expected " + want + ", got " + got + " for " + sql;
  }

  std::string Header(const std::string& name, const std::string& contains) {
    std::string v = last_headers_.count(name) ? last_headers_.find(name)->second : "";
    if (contains.empty()) return v.empty() ? "header " + name + " missing" : "";
    return v.find(contains) != std::string::npos
               ? ""
               : "header " + name + ": '" + v + "' lacks '" + contains + "'";
  }

  // `body-contains TEXT` / `sheet-contains TEXT`: the last raw body (or the xlsx workbook it
  // holds: every sheet, one line per row, cells joined by |) contains TEXT; `!TEXT` = does not
  // contain it.
  static std::string Contains(const std::string& text, const std::string& body) {
    bool negate = !text.empty() && text[0] == '!';
    std::string want = negate ? text.substr(1) : text;
    if (want.empty()) return "contains: no text to look for";
    bool found = body.find(want) != std::string::npos;
    if (found == !negate) return "";
    return (negate ? "body contains '" : "body lacks '") + want + "' in: " + body.substr(0, 1500);
  }

  std::string SheetText() const {
    auto path = std::filesystem::temp_directory_path() /
                ("api-test-" + std::to_string(::getpid()) + ".xlsx");
    std::ofstream(path, std::ios::binary) << last_raw_;
    // Every visible sheet in tab order: the k-th is chosen by accepting the chooser's k-th call;
    // past the last sheet the reader falls back to the first one, which ends the loop.
    std::string out, first;
    for (int k = 0; k < 16; ++k) {
      int calls = 0;
      spreadsheet::XlsxOptions opt{[&](const spreadsheet::SheetRow&) { return calls++ == k; }};
      auto reader = spreadsheet::Open(path.string(), opt);
      if (!reader.ok()) return "(not an xlsx workbook: " + reader.error().message + ")";
      if (k > 0 && calls <= k) break;
      spreadsheet::SheetRow row;
      for (auto more = (*reader)->Next(row); more.ok() && *more; more = (*reader)->Next(row)) {
        for (size_t i = 0; i < row.cells.size(); ++i) out += (i ? "|" : "") + row.cells[i];
        out += "\n";
      }
    }
    std::filesystem::remove(path);
    return out;
  }

  std::string Request(const Block& b);

  Env& env_;
  std::string file_;
  httplib::Client cli_;
  std::map<std::string, Session> sessions_;
  std::map<std::string, std::string> vars_;
  std::string current_ = "anonymous";
  Json last_body_;
  std::string last_raw_;
  std::map<std::string, std::string> files_;  // capture-file VAR: raw bodies to upload as @VAR
  httplib::Headers last_headers_;
};

namespace {

// "\n", "\r", "\t", "\\" and "\xHH" escapes; "repeat:N:TEXT" repeats TEXT N times.
std::string Unescape(const std::string& in) {
  if (in.rfind("repeat:", 0) == 0) {
    size_t colon = in.find(':', 7);
    std::string unit = Unescape(in.substr(colon + 1)), out;
    for (long n = std::stol(in.substr(7, colon - 7)); n > 0; --n) out += unit;
    return out;
  }
  std::string out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '\\' || i + 1 == in.size()) {
      out += in[i];
      continue;
    }
    char e = in[++i];
    if (e == 'x' && i + 2 < in.size()) {
      out += static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
    }
  }
  return out;
}

// Body lines "part NAME VALUE" and "file NAME FILENAME TYPE CONTENT" make a multipart/form-data
// request; false when a line starts so but is malformed. Any other body stays JSON.
bool Multipart(const std::string& body, httplib::MultipartFormDataItems& parts) {
  std::istringstream in(body);
  for (std::string line; std::getline(in, line);) {
    auto w = Words(line);
    if (w.empty() || (w[0] != "part" && w[0] != "file")) continue;
    bool file = w[0] == "file";
    if (w.size() < (file ? 5u : 3u)) return false;
    size_t skip = file ? 4 : 2, pos = 0;
    for (size_t k = 0; k < skip; ++k) pos = line.find(w[k], pos) + w[k].size();
    std::string value = Unescape(line.substr(line.find_first_not_of(' ', pos)));
    parts.push_back({w[1], value, file ? w[2] : "", file ? w[3] : ""});
  }
  return true;
}

}  // namespace

std::string Runner::Request(const Block& b) {
  auto w = Words(b.lines[0]);
  std::string method = w.at(0);
  bool csrf = true;
  if (method.back() == '!') {
    csrf = false;
    method.pop_back();
  }
  std::string path = w.at(1);
  size_t i = 1;
  std::string body;
  for (; i < b.lines.size() && b.lines[i].rfind("expect", 0) != 0; ++i) body += b.lines[i] + "\n";
  if (i == b.lines.size()) return "request without an expect line";
  auto e = Words(b.lines[i]);
  std::string want_json;
  for (size_t j = i + 1; j < b.lines.size(); ++j) want_json += b.lines[j] + "\n";
  httplib::Headers h;
  auto s = sessions_.find(current_);
  if (s != sessions_.end()) {
    h.emplace("Cookie", s->second.cookie);
    if (csrf) h.emplace("X-CSRF-Token", s->second.csrf);
  }
  httplib::MultipartFormDataItems parts;
  if (!Multipart(body, parts)) return "bad multipart line in: " + body;
  for (auto& part : parts) {
    if (part.content == "@last") part.content = last_raw_;  // re-upload a downloaded file
    if (part.content.size() > 1 && part.content[0] == '@' && files_.count(part.content.substr(1)))
      part.content = files_[part.content.substr(1)];  // a file kept by capture-file
  }
  httplib::Result res = method == "GET"    ? cli_.Get(path.c_str(), h)
                        : !parts.empty()   ? cli_.Post(path.c_str(), h, parts)
                        : method == "POST" ? cli_.Post(path.c_str(), h, body, "application/json")
                        : method == "PUT"  ? cli_.Put(path.c_str(), h, body, "application/json")
                                           : cli_.Delete(path.c_str(), h, body, "application/json");
  if (!res) return method + " " + path + ": no response";
  if (env_.on_request) env_.on_request({current_, method, path, body, res->status, res->body});
  last_headers_ = res->headers;
  last_raw_ = res->body;
  last_body_ = Json::parse(res->body, nullptr, false);
  std::string got =
      method + " " + path + " -> " + std::to_string(res->status) + " " + res->body.substr(0, 400);
  if (e.at(1) == "any") return "";  // the caller judges the exchange (Env::on_request)
  if (std::to_string(res->status) != e.at(1)) return "expected status " + e.at(1) + ", got " + got;
  if (e.size() > 2 && (!last_body_.is_object() || last_body_.value("code", "") != e[2])) {
    return "expected error code " + e[2] + ", got " + got;
  }
  if (!want_json.empty()) {
    Json want = Json::parse(want_json, nullptr, false);
    if (want.is_discarded()) return "bad expected JSON: " + want_json;
    std::string d = Match(want, last_body_, "$");
    if (!d.empty()) return d + "\n  in " + got;
  }
  return "";
}

std::string RunScript(const std::string& path, Env& env) {
  Script script(env, path);
  return script.RunFile(path);
}

Script::Script(Env& env, const std::string& name) : r_(std::make_unique<Runner>(env, name)) {}
Script::~Script() = default;

std::string Script::RunFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return "cannot read " + path;
  return r_->Run(ReadBlocks(in));
}

std::string Script::Var(const std::string& name) const { return r_->Var(name); }
std::pair<std::string, std::string> Script::SessionOf(const std::string& user) const {
  return r_->SessionOf(user);
}
void Script::Adopt(const std::string& user, const std::string& cookie, const std::string& csrf) {
  r_->Adopt(user, cookie, csrf);
}

std::string Script::RunText(const std::string& text) {
  std::istringstream in(text);
  return r_->Run(ReadBlocks(in));
}

}  // namespace ruralec::apitest
