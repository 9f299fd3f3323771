import FerryCore

extension Executor {
    /// `range` over arrays, maps (sorted keys), integers; nil and empty values run the else branch.
    func walkRange(_ branch: Branch, dot: TemplateValue) throws {
        let mark = vars.count
        defer { vars.removeLast(vars.count - mark) }
        let value = try evalPipeline(branch.pipe, dot: dot)
        let (count, item) = try rangeItems(value, branch: branch)
        if count == 0 {
            if let elseList = branch.elseList { try walk(elseList, dot: dot) }
            return
        }
        for index in 0..<count {
            let (key, element) = item(index)
            let inner = vars.count
            defer { vars.removeLast(vars.count - inner) }
            setRangeVariables(branch.pipe, key: key, element: element, declaredAt: mark)
            do {
                try walk(branch.list, dot: element)
            } catch LoopFlow.continueLoop {
                continue
            } catch LoopFlow.breakLoop {
                break
            }
        }
    }

    /// The number of iterations and a way to get the key and element of each, without copying.
    func rangeItems(_ value: TemplateValue, branch: Branch) throws -> (Int, (Int) -> (TemplateValue, TemplateValue)) {
        switch value {
        case .missing, .value(.null): return (0, { _ in (.missing, .missing) })
        case .value(.array(let a)): return (a.count, { (.goInt(Int64($0)), .value(a[$0])) })
        case .value(.object(let o)):
            let keys = o.keys.sortedByBytes()
            return (keys.count, { (.value(.string(keys[$0])), .value(o[keys[$0]] ?? .null)) })
        case .value(.int(let n)), .goInt(let n):
            if branch.pipe.decl.count > 1 {
                throw fail("can't use \(n) to iterate over more than one variable", at: branch.pipe.pos,
                           context: "range \(branch.pipe)")
            }
            return (n > 0 && n <= Int64(Int.max) ? Int(n) : 0, { (.goInt(Int64($0)), .goInt(Int64($0))) })
        default:
            throw fail("range can't iterate over \(printed(value))", at: branch.pipe.pos, context: "range \(branch.pipe)")
        }
    }

    /// Binds `$e` or `$i, $e` for one iteration, declaring or assigning as the pipeline says.
    func setRangeVariables(_ pipe: Pipeline, key: TemplateValue, element: TemplateValue, declaredAt mark: Int) {
        guard !pipe.decl.isEmpty else { return }
        if pipe.decl.count > 1 {
            setVariable(pipe.decl[0], key)
            setVariable(pipe.decl[1], element)
        } else {
            setVariable(pipe.decl[0], element)
        }
    }

    func setVariable(_ name: String, _ value: TemplateValue) {
        var i = vars.count - 1
        while i >= varBase {
            if vars[i].name == name { vars[i].value = value; return }
            i -= 1
        }
    }

    func variable(_ name: String, at op: Operand) throws -> TemplateValue {
        var i = vars.count - 1
        while i >= varBase {
            if vars[i].name == name { return vars[i].value }
            i -= 1
        }
        throw fail("undefined variable: \(name)", at: op)
    }
}
