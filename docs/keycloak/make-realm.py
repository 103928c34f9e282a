#!/usr/bin/env python3
"""Writes nghean-realm.json, the Keycloak realm a province imports as a starting point (README, "Sign-in
with the province's identity provider"), from the unit registry: one group per unit's officers and one
per its leaders, named as the application's groups (unitVINH, unitVINHlead), so that no group mapping is
needed. Run it again after the registry changes: RealmFileTest fails until the file lists every unit.
Usage: python3 docs/keycloak/make-realm.py"""
import csv, io, json, pathlib

here = pathlib.Path(__file__).resolve().parent
registry = here.parent.parent / "src/main/resources/units/nghe-an.csv"
rows = [line for line in registry.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
units = list(csv.DictReader(io.StringIO("\n".join(rows)), delimiter=";"))

def unit_groups(kind, title):
    return {"name": title, "subGroups": [g for u in units if u["kind"] == kind for g in (
        {"name": "unit" + u["code"], "attributes": {"donVi": [u["name"]], "vaiTro": ["Cán bộ"]}},
        {"name": "unit" + u["code"] + "lead", "attributes": {"donVi": [u["name"]], "vaiTro": ["Lãnh đạo"]}})]}

groups_mapper = {"name": "nhom", "protocol": "openid-connect", "protocolMapper": "oidc-group-membership-mapper",
                 "config": {"claim.name": "groups", "full.path": "false", "id.token.claim": "true",
                            "access.token.claim": "true", "userinfo.token.claim": "true",
                            "introspection.token.claim": "true"}}
audience_mapper = {"name": "so-ket-audience", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                   "config": {"included.client.audience": "so-ket", "id.token.claim": "false",
                              "access.token.claim": "true", "introspection.token.claim": "true"}}
realm = {
    "realm": "nghean",
    "displayName": "Công an tỉnh Nghệ An",
    "enabled": True,
    "sslRequired": "external",
    "internationalizationEnabled": True,
    "supportedLocales": ["vi", "en"],
    "defaultLocale": "vi",
    # Sessions: a working day's idle limit is the province's choice; tokens live 5 minutes, so a person
    # taken out of a group loses it on the programs' side within 5 minutes (groupsCache on the webapps').
    "accessTokenLifespan": 300,
    "ssoSessionIdleTimeout": 3600,
    "ssoSessionMaxLifespan": 36000,
    # Wrong passwords slow the sender down for a while; they never lock an account for good.
    "bruteForceProtected": True,
    "permanentLockout": False,
    "failureFactor": 10,
    "waitIncrementSeconds": 60,
    "maxFailureWaitSeconds": 900,
    # Keycloak has no Vietnamese of its own: the sign-in pages' words, in Vietnamese (the application asks
    # for ui_locales=vi), as realm texts the province can edit in Keycloak's console (Realm settings,
    # Localization).
    "localizationTexts": {"vi": {
        "locale_vi": "Tiếng Việt",
        "loginAccountTitle": "Đăng nhập",
        "loginTitle": "Đăng nhập {0}",
        "usernameOrEmail": "Tên đăng nhập hoặc thư điện tử",
        "username": "Tên đăng nhập",
        "password": "Mật khẩu",
        "doLogIn": "Đăng nhập",
        "rememberMe": "Ghi nhớ đăng nhập",
        "doForgotPassword": "Quên mật khẩu?",
        "invalidUserMessage": "Tên đăng nhập hoặc mật khẩu không đúng.",
        "invalidPasswordMessage": "Mật khẩu không đúng.",
        "accountDisabledMessage": "Tài khoản đã bị khóa, đề nghị liên hệ quản trị viên.",
        "accountTemporarilyDisabledMessage": "Tên đăng nhập hoặc mật khẩu không đúng.",
        "expiredCodeMessage": "Hết thời gian đăng nhập. Vui lòng đăng nhập lại.",
        "expiredActionMessage": "Hết thời gian. Vui lòng đăng nhập lại.",
        "cookieNotFoundMessage": "Trình duyệt chưa cho phép cookie. Đề nghị bật cookie rồi đăng nhập lại.",
        "loginTimeout": "Hết thời gian đăng nhập. Vui lòng đăng nhập lại.",
        "updatePasswordTitle": "Đổi mật khẩu",
        "passwordNew": "Mật khẩu mới",
        "passwordConfirm": "Nhập lại mật khẩu",
        "doSubmit": "Gửi",
        "doCancel": "Hủy",
        "backToLogin": "« Quay lại trang đăng nhập",
        "logoutConfirmTitle": "Đăng xuất",
        "logoutConfirmHeader": "Anh/chị có muốn đăng xuất không?",
        "doLogout": "Đăng xuất",
        "errorTitle": "Có lỗi",
        "invalidPasswordMinLengthMessage": "Mật khẩu phải có ít nhất {0} ký tự.",
        "invalidPasswordMinUpperCaseCharsMessage": "Mật khẩu phải có ít nhất {0} chữ in hoa.",
        "invalidPasswordMinLowerCaseCharsMessage": "Mật khẩu phải có ít nhất {0} chữ thường.",
        "invalidPasswordMinDigitsMessage": "Mật khẩu phải có ít nhất {0} chữ số.",
        "invalidPasswordMinSpecialCharsMessage": "Mật khẩu phải có ít nhất {0} ký tự đặc biệt.",
        "invalidPasswordNotUsernameMessage": "Mật khẩu không được trùng tên đăng nhập.",
    }},
    "passwordPolicy": "length(10) and upperCase(1) and lowerCase(1) and digits(1) and specialChars(1) and notUsername",
    "groups": [
        {"name": "Cấp tỉnh", "subGroups": [
            {"name": "pv01", "attributes": {"vaiTro": ["Cán bộ Phòng PV01"]}},
            {"name": "pv01lead", "attributes": {"vaiTro": ["Lãnh đạo Phòng PV01"]}},
            {"name": "bcd", "attributes": {"vaiTro": ["Ban Chỉ đạo tỉnh"]}},
            {"name": "managers", "attributes": {"vaiTro": ["Lãnh đạo tỉnh (chỉ xem)"]}},
            {"name": "camunda-admin", "attributes": {"vaiTro": ["Quản trị hệ thống"]}}]},
        unit_groups("COMMUNE", "Xã, phường"),
        unit_groups("DEPARTMENT", "Sở, ban, ngành, đoàn thể"),
        unit_groups("DISTRICT", "Cấp huyện (đến 30/06/2025)"),
    ],
    "clients": [
        {"clientId": "so-ket", "name": "Sơ kết đơn vị điển hình", "enabled": True, "protocol": "openid-connect",
         "publicClient": False, "clientAuthenticatorType": "client-secret",
         "secret": "${SO_KET_CLIENT_SECRET}",
         "standardFlowEnabled": True, "directAccessGrantsEnabled": False, "serviceAccountsEnabled": False,
         "redirectUris": ["${SO_KET_URL}/login/oauth2/code/tinh"], "webOrigins": ["${SO_KET_URL}"],
         "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "${SO_KET_URL}/*"},
         "protocolMappers": [groups_mapper, audience_mapper]},
        {"clientId": "so-ket-program", "name": "Chương trình gọi API của hệ thống sơ kết", "enabled": True,
         "protocol": "openid-connect", "publicClient": False, "clientAuthenticatorType": "client-secret",
         "secret": "${SO_KET_PROGRAM_SECRET}",
         "standardFlowEnabled": False, "directAccessGrantsEnabled": False, "serviceAccountsEnabled": True,
         "protocolMappers": [groups_mapper, audience_mapper]},
    ],
}
(here / "nghean-realm.json").write_text(json.dumps(realm, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
print("nghean-realm.json:", sum(len(g.get("subGroups", [])) for g in realm["groups"]), "groups")
