import FerryCore
import GoTemplate
import Testing

@Suite struct SprigPathsTests {
    static let paths: [TemplateCase] = [
        TemplateCase("base", #"{{ base "foo/bar" }} {{ base "/foo/bar/" }} {{ base "" }} {{ base "///" }}"#, output: "bar bar . /"),
        TemplateCase("dir", #"{{ dir "/foo/bar/baz" }} {{ dir "foo" }} {{ dir "/" }} {{ dir "a/b/" }}"#, output: "/foo/bar . / a/b"),
        TemplateCase("ext", #"{{ ext "foo.bar" }} {{ ext "a/b.tar.gz" }} {{ ext "a.b/c" }}|"#, output: ".bar .gz |"),
        TemplateCase("clean", #"{{ clean "foo/bar/../baz" }} {{ clean "/../a//b/./c/" }} {{ clean "" }} {{ clean "../../x" }}"#, output: "foo/baz /a/b/c . ../../x"),
        TemplateCase("isAbs", #"{{ isAbs "/a" }} {{ isAbs "a" }}"#, output: "true false"),
        TemplateCase("os variants are the same on Linux", #"{{ osBase "a/b" }} {{ osDir "a/b" }} {{ osExt "a.c" }} {{ osClean "a//b" }} {{ osIsAbs "/" }}"#, output: "b a .c a/b true"),
    ]

    static let urls: [TemplateCase] = [
        TemplateCase("urlParse splits a URL", #"{{ $u := urlParse "https://user:pw@example.com:8443/a%20b/c?x=1&y=2#frag" }}{{ $u.scheme }}|{{ $u.host }}|{{ $u.hostname }}|{{ $u.path }}|{{ $u.query }}|{{ $u.fragment }}|{{ $u.userinfo }}"#,
                     output: "https|example.com:8443|example.com|/a b/c|x=1&y=2|frag|user:pw"),
        TemplateCase("urlParse of an opaque URL", #"{{ (urlParse "mailto:ops@example.com").opaque }}"#, output: "ops@example.com"),
        TemplateCase("urlParse of an IPv6 host", #"{{ (urlParse "http://[::1]:80/").hostname }}"#, output: "::1"),
        TemplateCase("urlJoin builds a URL", #"{{ urlJoin (dict "fragment" "fragment" "host" "host:80" "path" "/path" "query" "query" "scheme" "http") }}"#,
                     output: "http://host:80/path?query#fragment"),
        TemplateCase("urlJoin with user info and a relative path", #"{{ urlJoin (dict "scheme" "https" "host" "h" "path" "p q" "userinfo" "u:p") }}"#,
                     output: "https://u:p@h/p%20q"),
        TemplateCase("urlJoin round-trips urlParse", #"{{ urlParse "http://example.com/x?y=1" | urlJoin }}"#, output: "http://example.com/x?y=1"),
        TemplateCase("urlJoin rejects non-string fields", #"{{ urlJoin (dict "host" 5) }}"#, error: "unable to parse host key, must be of type string, but int found"),
    ]

    @Test(arguments: paths) func path(_ c: TemplateCase) { checkSprig(c) }
    @Test(arguments: urls) func url(_ c: TemplateCase) { checkSprig(c) }
}
