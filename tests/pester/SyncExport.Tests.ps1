# Export-ComposioAuthConfig against the emulator: the file it writes declares the project as it is
# (so syncing it back changes nothing) and never holds a secret.

BeforeAll {
    . (Join-Path $PSScriptRoot 'DesiredStateSuite.ps1')
    $emulator = Start-TestEmulator

    function New-RawConfig([string] $Toolkit, [hashtable] $AuthConfig) {
        (Invoke-EmulatorApi $emulator POST auth_configs @{ toolkit = @{ slug = $Toolkit }; auth_config = $AuthConfig }).auth_config.id
    }

    # A project with one of each kind, made directly on the emulator (not through the module).
    function New-Project {
        Reset-ComposioEmulator $emulator
        New-RawConfig github @{ type = 'use_composio_managed_auth'; name = 'prod-github'; credentials = @{ scopes = 'repo,read:user' }
            tool_access_config = @{ tools_for_connected_account_creation = @('GITHUB_GET_USER') } } | Out-Null
        New-RawConfig notion @{ type = 'use_custom_auth'; authScheme = 'OAUTH2'; name = 'prod-notion'
            credentials = @{ client_id = 'notion-cid'; client_secret = 'export-SECRET-notion-0001'; oauth_redirect_uri = 'https://example.org/callback'; scopes = 'read' } } | Out-Null
        $off = New-RawConfig slack @{ type = 'use_composio_managed_auth'; name = "it's off" }
        Invoke-EmulatorApi $emulator PATCH "auth_configs/$off/DISABLED" | Out-Null
        New-RawConfig perplexityai @{ type = 'use_custom_auth'; authScheme = 'API_KEY'; name = 'Perplexity AI'; credentials = @{} } | Out-Null
        # generic_id is secret only because the toolkit says so.
        New-RawConfig twitter @{ type = 'use_custom_auth'; authScheme = 'OAUTH2'; name = 'prod-twitter'
            credentials = @{ client_id = 'tw-id'; client_secret = 'export-SECRET-twitter-0002'; generic_id = 'export-SECRET-bearer-0003' } } | Out-Null
        New-RawConfig sendgrid @{ type = 'use_custom_auth'; authScheme = 'API_KEY'; name = 'prod-sendgrid'
            credentials = @{ api_key = 'export-SECRET-sendgrid-0004'; verbose = $true; error_action = 'drop' } } | Out-Null
        Clear-ComposioEmulatorRequest $emulator
    }
}

AfterAll {
    Stop-TestEmulator $emulator
}

Describe 'Export-ComposioAuthConfig' {
    BeforeEach { New-Project }

    It 'export to .<_> then sync writes nothing: every config Unchanged' -ForEach 'psd1', 'json' {
        $path = Join-Path $TestDrive "project.$_"
        Export-ComposioAuthConfig -Path $path
        $path | Should -Exist
        Clear-ComposioEmulatorRequest $emulator
        $result = Sync-ComposioAuthConfig $path -ErrorAction Stop
        $result.Count | Should -Be 6
        $result | ForEach-Object { $_.Action | Should -Be 'Unchanged' -Because "$($_.Toolkit)/$($_.Name)" }
        Get-WriteRequest $emulator | Should -BeNullOrEmpty
    }

    It 'writes secrets as references and never a secret or masked value' {
        $path = Join-Path $TestDrive 'refs.psd1'
        Export-ComposioAuthConfig -Path $path
        $text = Get-Content $path -Raw
        $text | Should -Not -Match 'export-SECRET'
        $text | Should -Not -Match 'expo\.\.\.'
        $text | Should -Not -Match '\*\*\*'
        $text | Should -Match "client_secret = @\{ Secret = 'notion\.prod-notion\.client_secret' \}"
        $text | Should -Match "generic_id = @\{ Secret = 'twitter\.prod-twitter\.generic_id' \}"
        $text | Should -Match "api_key = @\{ Secret = 'sendgrid\.prod-sendgrid\.api_key' \}"
        $text | Should -Match "client_id = 'notion-cid'"
        $text | Should -Match 'verbose = \$true'
        $text | Should -Match "Name = 'it''s off'"
        $data = Import-PowerShellDataFile $path
        ($data.AuthConfigs | Where-Object Name -eq "it's off").Enabled | Should -BeFalse
        ($data.AuthConfigs | Where-Object Name -eq 'prod-github').Scopes | Should -Be @('repo', 'read:user')
        ($data.AuthConfigs | Where-Object Name -eq 'prod-notion').Scopes | Should -Be @('read')
    }

    It 'the exported references are what a sync then asks for when it must create' {
        $path = Join-Path $TestDrive 'recreate.json'
        Export-ComposioAuthConfig -Path $path -Toolkit notion
        Reset-ComposioEmulator $emulator
        $result = Sync-ComposioAuthConfig $path -Secret @{ 'notion.prod-notion.client_secret' = (ConvertTo-Secure 'recreated-secret-0005') } -ErrorAction Stop
        $result.Action | Should -Be 'Create'
        (Get-CreateRequest $emulator).body.auth_config.credentials.client_secret | Should -Be 'recreated-secret-0005'
        (Get-CreateRequest $emulator).body.auth_config.credentials.oauth_redirect_uri | Should -Be 'https://example.org/callback'
    }

    It '-Toolkit and -Name (wildcards) choose what is exported' {
        $path = Join-Path $TestDrive 'some.json'
        Export-ComposioAuthConfig -Path $path -Toolkit github, notion, slack -Name 'prod-*'
        $data = Get-Content $path -Raw | ConvertFrom-Json
        $data.AuthConfigs.Name | Should -Be @('prod-github', 'prod-notion')
        (Get-ApiRequest $emulator | Where-Object path -eq '/api/v3.1/auth_configs').query | Should -Match 'toolkit_slug=github%2Cnotion%2Cslack|toolkit_slug=github,notion,slack'
    }

    It 'leaves out an identity held by two configs, with an error, and writes the rest' {
        New-ManagedConfig $emulator github 'prod-github' | Out-Null
        $path = Join-Path $TestDrive 'dup.psd1'
        Export-ComposioAuthConfig -Path $path -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthConfigIdentityConflict,*'
        (Import-PowerShellDataFile $path).AuthConfigs.Name | Should -Not -Contain 'prod-github'
        @((Import-PowerShellDataFile $path).AuthConfigs).Count | Should -Be 5
    }

    It 'refuses an unknown extension before any request' {
        { Export-ComposioAuthConfig -Path (Join-Path $TestDrive 'x.yaml') } | Should -Throw -ErrorId 'DesiredStateUnsupportedFormat,*'
        Get-ApiRequest $emulator | Should -BeNullOrEmpty
    }

    It '-NoClobber keeps an existing file; without it the file is replaced' {
        $path = Join-Path $TestDrive 'exists.psd1'
        Set-Content $path 'keep me'
        { Export-ComposioAuthConfig -Path $path -NoClobber } | Should -Throw -ErrorId 'FileExists,*'
        Get-Content $path | Should -Be 'keep me'
        Export-ComposioAuthConfig -Path $path
        (Import-PowerShellDataFile $path).AuthConfigs.Count | Should -Be 6
        Get-ChildItem $TestDrive -Filter '*.tmp' | Should -BeNullOrEmpty
    }

    It '-WhatIf writes no file' {
        $path = Join-Path $TestDrive 'whatif.psd1'
        Export-ComposioAuthConfig -Path $path -WhatIf
        $path | Should -Not -Exist
    }
}
