import FerryCore
import Patch
import Testing

@Suite struct JSONPatchTests {
    let doc: Value = ["data": ["one": "1", "a/b": "slash", "m~n": "tilde"], "list": [1, 2, 3]]

    func error(_ operations: Value) -> PatchError? {
        do { _ = try JSONPatch.apply(operations, to: doc); return nil } catch let error as PatchError { return error } catch {
            return PatchError("unexpected \(error)")
        }
    }

    @Test func errorsNameTheFailingOperationAndPath() {
        let failure = error([["op": "add", "path": "/data/two", "value": "2"],
                             ["op": "test", "path": "/data/one", "value": "1"],
                             ["op": "remove", "path": "/data/missing"]])
        #expect(failure?.operationIndex == 2)
        #expect(failure?.path == "/data/missing")
        #expect(failure?.description == "JSON patch operation 2 (remove /data/missing) failed: the path does not exist")
    }

    @Test func testFailureShowsBothValues() {
        let failure = error([["op": "test", "path": "/list/1", "value": 5]])
        #expect(failure?.operationIndex == 0)
        #expect(failure?.message.contains("test failed: the value is 2, not 5") == true)
    }

    @Test func pointerEscapesAddressSlashAndTilde() throws {
        let patched = try JSONPatch.apply([["op": "replace", "path": "/data/a~1b", "value": "x"],
                                           ["op": "remove", "path": "/data/m~0n"]], to: doc)
        #expect(patched["data"] == ["one": "1", "a/b": "x"])
        #expect(error([["op": "remove", "path": "/data/m~2n"]])?.message.contains("'~' must be followed by '0' or '1'") == true)
    }

    @Test func dashAppendsOnlyForAdd() throws {
        let patched = try JSONPatch.apply([["op": "add", "path": "/list/-", "value": 4]], to: doc)
        #expect(patched["list"] == [1, 2, 3, 4])
        #expect(error([["op": "remove", "path": "/list/-"]])?.message.contains("out of range") == true)
        #expect(error([["op": "replace", "path": "/list/01", "value": 0]]) != nil)
    }

    @Test func moveAndCopyNeedAnExistingSource() throws {
        let moved = try JSONPatch.apply([["op": "move", "from": "/list/0", "path": "/list/-"]], to: doc)
        #expect(moved["list"] == [2, 3, 1])
        let copied = try JSONPatch.apply([["op": "copy", "from": "/data/one", "path": "/first"]], to: doc)
        #expect(copied["first"] == "1")
        #expect(error([["op": "copy", "from": "/nope", "path": "/x"]])?.message.contains("'from' path /nope does not exist") == true)
        #expect(error([["op": "move", "from": "/data", "path": "/data/inner"]])?.message.contains("own children") == true)
    }

    @Test func malformedOperationsAreRefused() {
        #expect(error(["op": "add"])?.message == "a JSON patch must be an array of operations, not object")
        #expect(error([["path": "/a"]])?.message == "JSON patch operation 0 has no 'op'")
        #expect(error([["op": "add", "path": "/a"]])?.message.contains("it has no 'value'") == true)
        #expect(error([["op": "frobnicate", "path": "/a"]])?.message.contains("unknown operation 'frobnicate'") == true)
        #expect(error([["op": "add", "path": "a", "value": 1]])?.message.contains("must start with '/'") == true)
    }
}

@Suite struct MergePatchTests {
    /// Examples from RFC 7386, appendix A.
    @Test func followsRFC7386Examples() {
        #expect(MergePatch.apply(["a": "z"], to: ["a": "b"]) == ["a": "z"])
        #expect(MergePatch.apply(["a": nil], to: ["a": "b", "b": "c"]) == ["b": "c"])
        #expect(MergePatch.apply(["a": [1]], to: ["a": [["b": "c"]]]) == ["a": [1]])
        #expect(MergePatch.apply(["a": ["bb": ["ccc": nil]]], to: ["a": ["b": "c"]]) == ["a": ["b": "c", "bb": [:]]])
        #expect(MergePatch.apply(["a": "b"], to: ["a": "b"]) == ["a": "b"])
        #expect(MergePatch.apply(["c"], to: ["a": "b"]) == ["c"])
        #expect(MergePatch.apply(nil, to: ["a": "b"]) == nil)
        #expect(MergePatch.apply(["a": "b"], to: "plain") == ["a": "b"])
    }
}
