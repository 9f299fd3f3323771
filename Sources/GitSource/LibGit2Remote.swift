import CLibGit2
import Foundation

/// One entry of a remote listing (`git ls-remote`).
struct RemoteRef: Sendable, Equatable {
    /// Full reference name, e.g. `refs/heads/main`, `refs/tags/v1^{}` or `HEAD`.
    var name: String
    /// The object the reference points to.
    var oid: String
}

/// State shared with libgit2's C callbacks during one remote operation.
final class RemoteCallContext {
    let credentials: GitCredentials?
    let deadline: Date
    let timeout: TimeInterval
    var credentialAttempts = 0
    var timedOut = false

    init(credentials: GitCredentials?, timeout: TimeInterval) {
        self.credentials = credentials
        self.timeout = timeout
        self.deadline = Date().addingTimeInterval(timeout)
    }

    /// Non-zero (and a libgit2 error set) once the deadline has passed: aborts the transfer.
    func checkDeadline() -> Int32 {
        guard Date() > deadline else { return 0 }
        timedOut = true
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "timed out after \(Int(timeout)) seconds")
        return GIT_EUSER.rawValue
    }
}

/// An anonymous remote (URL not stored in the cache's config) used for ls-remote and fetch.
final class LibGit2Remote {
    private let pointer: OpaquePointer
    private let failure: GitFailureContext
    private let context: RemoteCallContext

    /// The refspecs Ferry fetches: every branch and every tag, force-updated.
    static let refspecs = ["+refs/heads/*:refs/heads/*", "+refs/tags/*:refs/tags/*"]

    init(repository: LibGit2Repository, credentials: GitCredentials?, timeout: TimeInterval) throws {
        failure = repository.failure
        context = RemoteCallContext(credentials: credentials, timeout: timeout)
        var remote: OpaquePointer?
        try failure.check(git_remote_create_anonymous(&remote, repository.pointer, GitURL.remote(failure.url)),
                          "cannot use remote")
        guard let remote else { throw failure.error(-1, "cannot use remote") }
        pointer = remote
    }

    deinit { git_remote_free(pointer) }

    /// Lists the remote's references (ls-remote).
    func list() throws -> [RemoteRef] {
        var callbacks = makeCallbacks()
        var proxy = git_proxy_options()
        git_proxy_options_init(&proxy, UInt32(GIT_PROXY_OPTIONS_VERSION))
        proxy.type = GIT_PROXY_AUTO
        let code = withExtendedLifetime(context) {
            git_remote_connect(pointer, GIT_DIRECTION_FETCH, &callbacks, &proxy, nil)
        }
        guard code == 0 else { throw remoteError(code, "cannot list references of") }
        defer { git_remote_disconnect(pointer) }
        var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
        var count = 0
        try failure.check(git_remote_ls(&heads, &count, pointer), "cannot list references of")
        var refs: [RemoteRef] = []
        for index in 0..<count {
            guard let head = heads?[index]?.pointee, let name = head.name else { continue }
            refs.append(RemoteRef(name: String(cString: name), oid: LibGit2.hex(head.oid)))
        }
        return refs
    }

    /// Fetches all branches and tags (pruning deleted ones).
    func fetch() throws {
        var options = git_fetch_options()
        git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION))
        options.callbacks = makeCallbacks()
        options.prune = GIT_FETCH_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL
        options.proxy_opts.type = GIT_PROXY_AUTO
        let code = withExtendedLifetime(context) {
            StringArray.with(LibGit2Remote.refspecs) { specs in
                git_remote_fetch(pointer, specs, &options, "ferry fetch")
            }
        }
        guard code == 0 else { throw remoteError(code, "cannot fetch") }
    }

    private func remoteError(_ code: Int32, _ action: String) -> GitError {
        if context.timedOut { return failure.error(code, action, kind: .timeout) }
        return failure.error(code, action)
    }

    private func makeCallbacks() -> git_remote_callbacks {
        var callbacks = git_remote_callbacks()
        git_remote_init_callbacks(&callbacks, UInt32(GIT_REMOTE_CALLBACKS_VERSION))
        callbacks.payload = Unmanaged.passUnretained(context).toOpaque()
        callbacks.credentials = { out, _, usernameFromURL, allowed, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            let context = Unmanaged<RemoteCallContext>.fromOpaque(payload).takeUnretainedValue()
            let user = usernameFromURL.map { String(cString: $0) }
            return CredentialProvider.acquire(out, allowed: allowed, usernameFromURL: user, context: context)
        }
        callbacks.transfer_progress = { _, payload in
            guard let payload else { return 0 }
            return Unmanaged<RemoteCallContext>.fromOpaque(payload).takeUnretainedValue().checkDeadline()
        }
        callbacks.sideband_progress = { _, _, payload in
            guard let payload else { return 0 }
            return Unmanaged<RemoteCallContext>.fromOpaque(payload).takeUnretainedValue().checkDeadline()
        }
        return callbacks
    }
}

/// Bridges Swift string arrays to `git_strarray`.
enum StringArray {
    /// Calls `body` with a `git_strarray` holding copies of `strings`, valid only during the call.
    static func with<T>(_ strings: [String], _ body: (UnsafePointer<git_strarray>) -> T) -> T {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var mutableCopies = copies
        return mutableCopies.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            return body(&array)
        }
    }
}
