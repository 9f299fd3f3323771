import CLibGit2
import Foundation

/// Answers libgit2's credential requests from a `GitCredentials` value.
enum CredentialProvider {
    /// Fills `out` with a credential of an allowed type. Refuses a second attempt so that wrong
    /// credentials fail fast with an authentication error instead of looping.
    static func acquire(_ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, allowed: UInt32, usernameFromURL: String?,
                        context: RemoteCallContext) -> Int32 {
        if context.checkDeadline() != 0 { return GIT_EUSER.rawValue }
        context.credentialAttempts += 1
        guard context.credentialAttempts == 1, let credentials = context.credentials else {
            let reason = context.credentials == nil ? "authentication required but no credentials are configured"
                                                    : "authentication failed: the remote rejected the credentials"
            git_error_set_str(Int32(GIT_ERROR_NET.rawValue), reason)
            return GIT_EAUTH.rawValue
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, let password = credentials.password {
            let user = credentials.username ?? usernameFromURL ?? "x-access-token"
            return git_credential_userpass_plaintext_new(out, user, password)
        }
        if allowed & GIT_CREDENTIAL_SSH_MEMORY.rawValue != 0 || allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0,
           let key = credentials.sshPrivateKey {
            let user = credentials.username ?? usernameFromURL ?? "git"
            return git_credential_ssh_key_memory_new(out, user, credentials.sshPublicKey, key, credentials.sshPassphrase)
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, credentials.username ?? usernameFromURL ?? "git")
        }
        git_error_set_str(Int32(GIT_ERROR_NET.rawValue), "the configured credentials do not match what the remote asks for")
        return GIT_EAUTH.rawValue
    }
}
