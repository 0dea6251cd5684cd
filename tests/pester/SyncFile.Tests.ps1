# Bad desired-state files: each is one terminating error with a stable id that names the file and
# the line (or entry), and nothing reaches the auth-config endpoints. Checks that need no toolkit
# send no request at all.

BeforeDiscovery {
    # Problems found from the file alone: no request of any kind.
    $FileOnly = @(
        @{ Case = 'a syntax error'; Id = 'DesiredStateSyntaxError'; Line = 3; Ext = 'psd1'; Text = "@{`n    AuthConfigs = @(`n        @{ Toolkit = 'github'; Name = 'x' `n    )`n}" }
        @{ Case = 'a syntax error next to a secret'; Id = 'DesiredStateSyntaxError'; Line = 3; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'`n       Credentials = @{ client_id = 'a'; client_secret = 'a' 'clear-SECRET-in-file-9004' } } ) }" }
        @{ Case = 'a command instead of a value'; Id = 'DesiredStateSyntaxError'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = (Get-Date); Name = 'x' } ) }" }
        @{ Case = 'a variable instead of a value'; Id = 'DesiredStateSyntaxError'; Line = 3; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'`n       Credentials = @{ client_id = `$env:USER } } ) }" }
        @{ Case = 'more than one hashtable'; Id = 'DesiredStateSyntaxError'; Line = 1; Ext = 'psd1'; Text = "@{ AuthConfigs = @() }`n@{ AuthConfigs = @() }" }
        @{ Case = 'an unknown key'; Id = 'DesiredStateUnknownKey'; Line = 4; Ext = 'psd1'; Text = "@{`n    AuthConfigs = @(`n        @{ Toolkit = 'github'; Name = 'x'`n           Scope = 'repo' }`n    )`n}" }
        @{ Case = 'an unknown top-level key'; Id = 'DesiredStateUnknownKey'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @()`n   Configs = @() }" }
        @{ Case = 'no AuthConfigs'; Id = 'DesiredStateMissingKey'; Line = 1; Ext = 'psd1'; Text = "@{ Prune = @{ Toolkits = 'github'; Name = '*' } }" }
        @{ Case = 'an entry without a name'; Id = 'DesiredStateMissingKey'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'github' } ) }" }
        @{ Case = 'a duplicate identity'; Id = 'DesiredStateDuplicateIdentity'; Line = 4; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'github'; Name = 'prod' }`n    @{ Toolkit = 'slack'; Name = 'prod' }`n    @{ Toolkit = 'GitHub'; Name = 'prod'; Enabled = `$false } ) }" }
        @{ Case = 'an unknown Type'; Id = 'DesiredStateInvalidValue'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'github'; Name = 'x'; Type = 'Managed' } ) }" }
        @{ Case = 'Enabled that is not a boolean'; Id = 'DesiredStateInvalidValue'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'github'; Name = 'x'; Enabled = 'yes' } ) }" }
        @{ Case = 'AuthScheme on a managed config'; Id = 'DesiredStateSchemeMismatch'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'github'; Name = 'x'; AuthScheme = 'OAUTH2' } ) }" }
        @{ Case = 'Credentials on a managed config'; Id = 'DesiredStateSchemeMismatch'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'github'; Name = 'x'; Credentials = @{ client_id = 'a' } } ) }" }
        @{ Case = 'a custom config without AuthScheme'; Id = 'DesiredStateSchemeMismatch'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom' } ) }" }
        @{ Case = 'a secret-named field written in clear'; Id = 'DesiredStateSecretInFile'; Line = 3; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'`n       Credentials = @{ client_id = 'a'; client_secret = 'clear-SECRET-in-file-9001' } } ) }" }
        @{ Case = 'a secret reference with an unknown key'; Id = 'DesiredStateUnknownKey'; Line = 3; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'`n       Credentials = @{ client_id = 'a'; client_secret = @{ Vault = 'v' } } } ) }" }
        @{ Case = 'scopes inside Credentials'; Id = 'DesiredStateInvalidValue'; Line = 3; Ext = 'psd1'; Text = "@{ AuthConfigs = @(`n    @{ Toolkit = 'notion'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'`n       Credentials = @{ scopes = 'a' } } ) }" }
        @{ Case = 'a Prune section without Name'; Id = 'DesiredStateMissingKey'; Line = 2; Ext = 'psd1'; Text = "@{ AuthConfigs = @()`n   Prune = @{ Toolkits = 'github' } }" }
        @{ Case = 'a JSON syntax error'; Id = 'DesiredStateSyntaxError'; Line = 3; Ext = 'json'; Text = "{`n  `"AuthConfigs`": [`n    { `"Toolkit`": `"github`" `"Name`": `"x`" }`n  ]`n}" }
        @{ Case = 'a JSON unknown key'; Id = 'DesiredStateUnknownKey'; Line = 5; Ext = 'json'; Text = "{`n  `"AuthConfigs`": [`n    {`n      `"Toolkit`": `"github`", `"Name`": `"x`",`n      `"Scope`": [`"repo`"]`n    }`n  ]`n}" }
        @{ Case = 'a JSON key given twice'; Id = 'DesiredStateSyntaxError'; Line = 4; Ext = 'json'; Text = "{`n  `"AuthConfigs`": [`n    { `"Toolkit`": `"github`", `"Name`": `"x`",`n      `"name`": `"y`" }`n  ]`n}" }
        @{ Case = 'a JSON secret in clear'; Id = 'DesiredStateSecretInFile'; Line = 4; Ext = 'json'; Text = "{ `"AuthConfigs`": [`n  { `"Toolkit`": `"sendgrid`", `"Name`": `"x`", `"Type`": `"Custom`", `"AuthScheme`": `"API_KEY`",`n    `"Credentials`": {`n      `"api_key`": `"clear-SECRET-in-file-9002`" } } ] }" }
    )
    # Problems that need the toolkit's metadata: only GET /toolkits/{slug} may be sent.
    $ToolkitChecks = @(
        @{ Case = 'an unknown scheme for the toolkit'; Id = 'DesiredStateSchemeMismatch'; Entry = "toolkit 'github', name 'x'"; Text = "@{ AuthConfigs = @( @{ Toolkit = 'github'; Name = 'x'; Type = 'Custom'; AuthScheme = 'API_KEY' } ) }" }
        @{ Case = 'managed auth on a toolkit without it'; Id = 'DesiredStateSchemeMismatch'; Entry = "toolkit 'perplexityai', name 'x'"; Text = "@{ AuthConfigs = @( @{ Toolkit = 'perplexityai'; Name = 'x' } ) }" }
        @{ Case = 'an unknown toolkit'; Id = 'DesiredStateUnknownToolkit'; Entry = "toolkit 'nosuchtoolkit', name 'x'"; Text = "@{ AuthConfigs = @( @{ Toolkit = 'nosuchtoolkit'; Name = 'x' } ) }" }
        @{ Case = 'a field the toolkit marks secret, written in clear'; Id = 'DesiredStateSecretInFile'; Entry = "toolkit 'twitter', name 'x'"; Text = "@{ AuthConfigs = @( @{ Toolkit = 'twitter'; Name = 'x'; Type = 'Custom'; AuthScheme = 'OAUTH2'; Credentials = @{ client_id = 'a'; client_secret = @{ Env = 'COMPOSIO_SECRET_X' }; generic_id = 'clear-SECRET-in-file-9003' } } ) }" }
    )
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'DesiredStateSuite.ps1')
    $emulator = Start-TestEmulator

    # The terminating error a sync of the file ends with (or $null).
    function Get-SyncFailure([string] $Path, [hashtable] $Extra = @{}) {
        try { Sync-ComposioAuthConfig $Path @Extra | Out-Null; $null }
        catch { $_ }
    }
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe 'Sync-ComposioAuthConfig refuses a bad file before sending anything' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        New-ManagedConfig $emulator github 'x' | Out-Null
        Clear-ComposioEmulatorRequest $emulator
    }

    It '<Case>: <Id>, naming the file and line <Line>; no request at all' -ForEach $FileOnly {
        $path = New-DesiredFile $Text $Ext
        $failure = Get-SyncFailure $path
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $failure.TargetObject | Should -Be $path
        $failure.Exception.Message | Should -BeLike "*'$path'*"
        $failure.Exception.Message | Should -Match "line $Line\b"
        $failure.Exception.Message | Should -Not -Match 'clear-SECRET-in-file'
        "$($failure.ErrorDetails)" | Should -Match 'Nothing was changed'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }

    It '<Case>: <Id>, naming the entry; only toolkit metadata is read' -ForEach $ToolkitChecks {
        $path = New-DesiredFile $Text
        $failure = Get-SyncFailure $path
        $failure.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $failure.Exception.Message | Should -BeLike "*'$path'*"
        $failure.Exception.Message | Should -BeLike "*$Entry*"
        $failure.Exception.Message | Should -Not -Match 'clear-SECRET-in-file'
        @(Get-ApiRequest $emulator | Where-Object { $_.path -notlike '/api/v3.1/toolkits/*' }) | Should -BeNullOrEmpty
    }

    It 'lists every problem of the file in the one error, the first one''s id leading' {
        $path = New-DesiredFile "@{ AuthConfigs = @(`n    @{ Toolkit = 'github'; Name = 'a'; Scope = 'repo' }`n    @{ Toolkit = 'github'; Name = 'b'; Enabled = 'no' } ) }"
        $failure = Get-SyncFailure $path
        $failure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateUnknownKey,*'
        $failure.Exception.Message | Should -Match '2 problems'
        $failure.Exception.Message | Should -Match "line 2, entry 1 \(toolkit 'github', name 'a'\): unknown key 'Scope'"
        $failure.Exception.Message | Should -Match "line 3, entry 2 \(toolkit 'github', name 'b'\): Enabled must be"
    }

    It 'never runs code written in a .psd1 file' {
        $marker = Join-Path $TestDrive 'ran.txt'
        $path = New-DesiredFile "@{ AuthConfigs = @( @{ Toolkit = 'github'; Name = `"`$(Set-Content '$marker' 'ran')`" } ) }"
        (Get-SyncFailure $path).FullyQualifiedErrorId | Should -BeLike 'DesiredStateSyntaxError,*'
        $marker | Should -Not -Exist
    }

    It 'a missing file: DesiredStateFileNotFound' {
        $failure = Get-SyncFailure (Join-Path $TestDrive 'absent.psd1')
        $failure.FullyQualifiedErrorId | Should -BeLike 'DesiredStateFileNotFound,*'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }

    It 'an unknown extension: DesiredStateUnsupportedFormat' {
        $path = New-DesiredFile "AuthConfigs: []" 'yaml'
        (Get-SyncFailure $path).FullyQualifiedErrorId | Should -BeLike 'DesiredStateUnsupportedFormat,*'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }

    It 'an empty list is a valid file that changes nothing' {
        $path = New-DesiredFile '{ "AuthConfigs": [] }' 'json'
        Sync-ComposioAuthConfig $path | Should -BeNullOrEmpty
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }
}

Describe 'The two formats mean the same' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'a .json file with comments and trailing commas syncs like its .psd1 twin' {
        $json = New-DesiredFile @'
{
  // Production configs.
  "AuthConfigs": [
    { "toolkit": "github", "name": "prod-github", "scopes": "repo,read:user", "enabled": true, },
    { "Toolkit": "sendgrid", "Name": "prod-sendgrid", "Type": "custom", "AuthScheme": "api_key",
      "Credentials": { "api_key": { "Env": "COMPOSIO_SECRET_TEST_JSON" }, "verbose": 8080, "debug": false } },
  ],
}
'@ 'json'
        $env:COMPOSIO_SECRET_TEST_JSON = 'json-secret-value-0004'
        try { $result = Sync-ComposioAuthConfig $json -ErrorAction Stop }
        finally { Remove-Item env:COMPOSIO_SECRET_TEST_JSON }
        $result.Action | Should -Be @('Create', 'Create')
        $bodies = @(Get-CreateRequest $emulator).body.auth_config
        $bodies[0].credentials.scopes | Should -Be 'repo,read:user'
        $bodies[1].authScheme | Should -Be 'API_KEY'
        $bodies[1].credentials.verbose | Should -Be 8080
        $bodies[1].credentials.debug | Should -BeFalse

        $psd1 = New-DesiredFile @'
@{
    AuthConfigs = @(
        @{ Toolkit = 'github'; Name = 'prod-github'; Scopes = @('read:user', 'repo') }
        @{ Toolkit = 'sendgrid'; Name = 'prod-sendgrid'; Type = 'Custom'; AuthScheme = 'API_KEY'
           Credentials = @{ api_key = @{ Env = 'COMPOSIO_SECRET_TEST_JSON' }; verbose = 8080; debug = $false } }
    )
}
'@
        Clear-ComposioEmulatorRequest $emulator
        (Sync-ComposioAuthConfig $psd1 -ErrorAction Stop).Action | Should -Be @('Unchanged', 'Unchanged')
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }
}
