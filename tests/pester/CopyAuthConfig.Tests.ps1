# Copy-ComposioAuthConfig between two projects of the emulator: what reaches the destination's
# wire is the witness; the source is only read.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigFixtures.ps1')
    $from = Start-TestEmulator
    $toEmulator = Start-ComposioEmulator -ApiKey 'ak_destination_key9'
    $to = Connect-Composio -ApiKey (ConvertTo-SecureString $toEmulator.ApiKey -AsPlainText -Force) -BaseUri $toEmulator.BaseUri -PassThru -SkipCheck
    Connect-TestEmulator $from | Out-Null
    function Get-Posted { @(Get-ApiRequest $toEmulator | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/auth_configs' }) }
}

AfterAll {
    if ($toEmulator) { $toEmulator | Stop-ComposioEmulator }
    Stop-TestEmulator $from
}

Describe 'Copy-ComposioAuthConfig' {
    BeforeEach {
        Reset-ComposioEmulator $from
        Reset-ComposioEmulator $toEmulator
        $managed = (Invoke-EmulatorApi $from POST auth_configs @{ toolkit = @{ slug = 'github' }; auth_config = @{ type = 'use_composio_managed_auth'; name = 'gh-copy'; credentials = @{ scopes = 'repo,read:user' }; tool_access_config = @{ tools_for_connected_account_creation = @('GITHUB_GET_USER') } } }).auth_config.id
        $custom = New-CustomConfig $from notion 'notion-copy' -ClientId 'cid-copy'
        Invoke-EmulatorApi $from PATCH "auth_configs/$custom/DISABLED" | Out-Null
        Clear-ComposioEmulatorRequest $from
    }

    It 'recreates piped configs in the -Connection project with scopes, tools, credentials and the disabled state' {
        $secret = ConvertTo-SecureString 'copied-SECRET-7' -AsPlainText -Force
        $made = Get-ComposioAuthConfig | Copy-ComposioAuthConfig -Connection $to -Secret @{ 'notion-copy' = @{ client_secret = $secret } }
        $made.Count | Should -Be 2
        $made | ForEach-Object { "$($_.Connection)" | Should -Be "$to" }
        $posted = Get-Posted
        $posted.Count | Should -Be 2
        $gh = $posted | Where-Object body_text -match '"gh-copy"'
        $gh.body_text | Should -Match 'repo,read:user'
        $gh.body_text | Should -Match 'GITHUB_GET_USER'
        $gh.body_text | Should -Match 'use_composio_managed_auth'
        $notion = $posted | Where-Object body_text -match '"notion-copy"'
        $notion.body_text | Should -Match '"client_id":"cid-copy"'
        $notion.body_text | Should -Match '"client_secret":"copied-SECRET-7"'
        @(Get-ApiRequest $toEmulator | Where-Object { $_.method -eq 'PATCH' -and $_.path -like '*/DISABLED' }).Count | Should -Be 1
        # The source is only read.
        Get-ApiRequest $from | Where-Object method -ne 'GET' | Should -BeNullOrEmpty
    }

    It 'fails a custom config without its secret with a per-item error naming the fields, and copies the rest' {
        $made = Get-ComposioAuthConfig | Copy-ComposioAuthConfig -Connection $to -ErrorVariable failures -ErrorAction SilentlyContinue
        @($made).Count | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CopySecretMissing,*'
        "$($failures[0])" | Should -Match 'client_secret'
        "$($failures[0])" | Should -Match "notion-copy"
        (Get-Posted).Count | Should -Be 1
    }

    It 'takes -Id and a script block for the secrets; -SkipExisting and -WhatIf send no create' {
        $made = Copy-ComposioAuthConfig -Id $custom -Connection $to -Secret { @{ client_secret = "for-$($_.Name)" } }
        $made.Name | Should -Be 'notion-copy'
        (Get-Posted)[0].body_text | Should -Match '"client_secret":"for-notion-copy"'
        Clear-ComposioEmulatorRequest $toEmulator
        $again = Copy-ComposioAuthConfig -Id $custom -Connection $to -SkipExisting -Secret { @{ client_secret = 'x' } } -InformationVariable info
        $again.Id | Should -Be $made.Id
        $info[-1].MessageData.Skipped | Should -Be 1
        Copy-ComposioAuthConfig -Id $managed -Connection $to -WhatIf
        Get-Posted | Should -BeNullOrEmpty
    }

    It 'carries the proxy: its URL as read, its auth key (shown only as ***) from -Secret''s proxy_auth_key, else a per-item error naming it' {
        $proxied = (Invoke-EmulatorApi $from POST auth_configs @{ toolkit = @{ slug = 'notion' }; auth_config = @{ type = 'use_custom_auth'; authScheme = 'OAUTH2'; name = 'notion-proxied'; credentials = @{ client_id = 'cid-proxy'; client_secret = 'orig-secret-value-0001' }; proxy_config = @{ proxy_url = 'https://proxy.example.org/p'; proxy_auth_key = 'proxy-KEY-original-1' } } }).auth_config.id
        $source = Get-ComposioAuthConfig -Id $proxied
        $source.ProxyAuthKey | Should -Be '***'
        $key = ConvertTo-SecureString 'proxy-KEY-given-2' -AsPlainText -Force
        $made = $source | Copy-ComposioAuthConfig -Connection $to -Secret @{ 'notion-proxied' = @{ client_secret = 'copied-SECRET-8'; proxy_auth_key = $key } }
        $made.Name | Should -Be 'notion-proxied'
        $body = (Get-Posted)[0].body_text | ConvertFrom-Json
        $body.auth_config.proxy_config.proxy_url | Should -Be 'https://proxy.example.org/p'
        $body.auth_config.proxy_config.proxy_auth_key | Should -Be 'proxy-KEY-given-2'
        $body.auth_config.credentials.PSObject.Properties.Name | Should -Not -Contain 'proxy_auth_key'

        Reset-ComposioEmulator $toEmulator
        $source | Copy-ComposioAuthConfig -Connection $to -Secret @{ 'notion-proxied' = @{ client_secret = 'copied-SECRET-8' } } -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'CopySecretMissing,*'
        "$($failures[0])" | Should -Match 'proxy_auth_key'
        Get-Posted | Should -BeNullOrEmpty
    }

    It 'refuses to run without -Connection on the command line' {
        { Get-ComposioAuthConfig | Copy-ComposioAuthConfig } | Should -Throw -ErrorId 'CopyDestinationRequired,*'
        Get-ApiRequest $toEmulator | Should -BeNullOrEmpty
    }
}
