// HTTP API of the matching module (docs/API.md "Matching and agreements"): JSON ⇄ the
// service's structs; permission, scope and what personal data shows are the service's
// (matching.h, agreements.h).
#pragma once

#include "http/server.h"
#include "matching/agreements.h"
#include "matching/edits.h"
#include "matching/matching.h"

namespace ruralec::matching::api {

void RegisterRoutes(http::Server& s, const Deps& d);
// Agreements and their attributed sales (agreement_routes.cc).
void RegisterAgreementRoutes(http::Server& s, const Deps& d);

// Shared by both route files.
Result<std::optional<CivilDate>> OptDate(const http::Json& body, const std::string& field);
Result<CivilDate> RequiredDate(const http::Json& body, const std::string& field);
http::Json FileJson(const File& f);
// A stored file as the reply (its sniffed type and name); the JSON body is null.
Result<http::Json> FileReply(std::pair<File, std::string> found, http::Reply& r);
// An edit with its changed fields (null when nothing changed).
http::Json EditJson(const std::optional<Edit>& e);
// The reason of an edit from the body (key `reason`, optional).
Result<std::string> ReasonFrom(const http::Json& body);
// A file upload (multipart part `file`).
Result<std::pair<std::string, std::string>> UploadedFile(const http::Request& req);

}  // namespace ruralec::matching::api
