. (Join-Path $PSScriptRoot 'EmulatorSuite.ps1')

Describe 'Set-ComposioAuthConfig' {
    BeforeEach {
        Reset-ComposioEmulator $emulator
        $custom = New-CustomConfig $emulator notion 'notion app' -ClientId 'client-id-keep' -ClientSecret 'orig-secret-value-0001'
        $managed = New-ManagedConfig $emulator github 'github managed'
        Clear-ComposioEmulatorRequest $emulator
    }

    It 'renames a piped config with a custom body holding only the name, without looking it up first' {
        $config = Get-ComposioAuthConfig -Id $custom
        Clear-ComposioEmulatorRequest $emulator
        $config | Set-ComposioAuthConfig -Name 'renamed'
        $requests = Get-ApiRequest $emulator
        $requests.Count | Should -Be 1
        $requests[0].method | Should -Be 'PATCH'
        $requests[0].path | Should -Be "/api/v3.1/auth_configs/$custom"
        $requests[0].body_text | Should -Be '{"type":"custom","name":"renamed"}'
        (Get-RawConfig $emulator $custom).name | Should -Be 'renamed'
    }

    It 'looks up the type of a plain id first, and sends the default variant for a managed config' {
        Set-ComposioAuthConfig -Id $managed -Name 'gh renamed'
        $requests = Get-ApiRequest $emulator
        $requests.method | Should -Be @('GET', 'PATCH')
        $requests[1].body_text | Should -Be '{"type":"default","name":"gh renamed"}'
    }

    It 'rotates client_secret alone: only that key is sent and client_id stays' {
        Set-ComposioAuthConfig -Id $custom -Credentials @{ client_secret = 'rot8-new-secret-value' }
        $patch = (Get-ApiRequest $emulator) | Where-Object method -eq 'PATCH'
        $patch.body_text | Should -Be '{"type":"custom","credentials":{"client_secret":"rot8-new-secret-value"}}'
        $raw = Get-RawConfig $emulator $custom
        $raw.credentials.client_id | Should -Be 'client-id-keep'
        $raw.credentials.client_secret | Should -BeLike 'rot8*'
    }

    It 'takes a SecureString credential value' {
        $secret = ConvertTo-SecureString 'sec2-new-secret-value' -AsPlainText -Force
        Set-ComposioAuthConfig -Id $custom -Credentials @{ client_secret = $secret }
        (Get-RawConfig $emulator $custom).credentials.client_secret | Should -BeLike 'sec2*'
    }

    It 'sends -Scope as top-level comma-joined scopes for a managed config' {
        Set-ComposioAuthConfig -Id $managed -Scope 'repo', 'read:user'
        ((Get-ApiRequest $emulator) | Where-Object method -eq 'PATCH').body_text |
            Should -Be '{"type":"default","scopes":"repo,read:user"}'
    }

    It 'sends -Scope as credentials.scopes for a custom config' {
        Set-ComposioAuthConfig -Id $custom -Scope 'read', 'write'
        ((Get-ApiRequest $emulator) | Where-Object method -eq 'PATCH').body_text |
            Should -Be '{"type":"custom","credentials":{"scopes":"read,write"}}'
    }

    It 'sends the tool lists as tool_access_config' {
        Set-ComposioAuthConfig -Id $managed -ToolsForConnectedAccountCreation 'GITHUB_GET_USER' -ToolsAvailableForExecution 'GITHUB_GET_USER', 'GITHUB_LIST_REPOS'
        $body = ((Get-ApiRequest $emulator) | Where-Object method -eq 'PATCH').body
        $body.tool_access_config.tools_for_connected_account_creation | Should -Be @('GITHUB_GET_USER')
        $body.tool_access_config.tools_available_for_execution | Should -Be @('GITHUB_GET_USER', 'GITHUB_LIST_REPOS')
        @($body.PSObject.Properties.Name) | Should -Be @('type', 'tool_access_config')
    }

    It 'refuses -Credentials on a managed config before sending the change' {
        Set-ComposioAuthConfig -Id $managed -Credentials @{ client_secret = 'x-secret-value-123' } -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CredentialsOnManagedConfig,*'
        $failures[0].TargetObject | Should -Be $managed
        (Get-ApiRequest $emulator).method | Should -Not -Contain 'PATCH'
    }

    It '-PassThru outputs the config as it is after the change' {
        $out = Set-ComposioAuthConfig -Id $custom -Name 'after' -PassThru
        $out.GetType().FullName | Should -Be 'Composio.AuthConfig'
        $out.Name | Should -Be 'after'
        $out.Credentials['client_secret'] | Should -Be '***'
    }

    It 'writes nothing without -PassThru' {
        Set-ComposioAuthConfig -Id $custom -Name 'quiet' | Should -BeNullOrEmpty
    }

    It '-WhatIf changes nothing (a piped config is not even read)' {
        $config = Get-ComposioAuthConfig -Id $custom
        Clear-ComposioEmulatorRequest $emulator
        $config | Set-ComposioAuthConfig -Name 'nope' -Credentials @{ client_secret = 'never-sent-secret-1' } -WhatIf
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
        # By id, the config may be read once to learn its credential fields (the -ClientSecret parameter); never written.
        Set-ComposioAuthConfig -Id $managed -Name 'nope' -WhatIf
        @(Get-ApiRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
    }

    It 'names the id and the fields in its ShouldProcess text, never the values' {
        $text = Set-ComposioAuthConfig -Id $custom -Name 'visible-name' -Credentials @{ client_secret = 'hidden-secret-value-9' } -Verbose 4>&1 | Out-String
        $text | Should -Match ([regex]::Escape($custom))
        $text | Should -Match 'name, credentials \(client_secret\)'
        $text | Should -Not -Match 'hidden-secret-value-9'
        $text | Should -Not -Match 'visible-name'
    }

    It 'goes on past an unknown id in the pipeline' {
        $ids = $custom, 'ac_doesnotexist1', $managed
        $ids | Set-ComposioAuthConfig -Name 'bulk rename' -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ComposioNotFound,*'
        $failures[0].TargetObject | Should -Be 'ac_doesnotexist1'
        (Get-RawConfig $emulator $custom).name | Should -Be 'bulk rename'
        (Get-RawConfig $emulator $managed).name | Should -Be 'bulk rename'
    }

    It 'refuses to run with nothing to change' {
        { Set-ComposioAuthConfig -Id $custom } | Should -Throw -ErrorId 'NothingToSet,*'
    }

    It 'refuses scopes given twice' {
        { Set-ComposioAuthConfig -Id $custom -Scope 'a' -Credentials @{ scopes = 'b' } } | Should -Throw -ErrorId 'ScopeGivenTwice,*'
    }

    It 'refuses a credential value it cannot send, naming the key only' {
        { Set-ComposioAuthConfig -Id $custom -Credentials @{ client_secret = @{ nested = 'no' } } } | Should -Throw -ErrorId 'InvalidCredentialValue,*'
        @(Get-ApiRequest $emulator | Where-Object method -ne 'GET') | Should -BeNullOrEmpty
    }
}
