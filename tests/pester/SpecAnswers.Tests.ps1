#requires -Module Pester
# Issue 18 items 3 and 4: answers the published spec allows. Update, status and delete answers are
# typed `unknown` (any 2xx is done); optional members are read tolerantly, one warning per listing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'StubServer.ps1')
    $null = New-TestCache
    $script:Config = '{"id":"ac_stub00000001","uuid":"u","type":"custom","toolkit":{"slug":"github","logo":""},"name":"Stub","auth_scheme":"OAUTH2","is_composio_managed":false,"credentials":{"client_id":"abc"},"status":"ENABLED","no_of_connections":0,"tool_access_config":{}}'
    function Connect-Stub($Stub) {
        Connect-Composio -ApiKey (ConvertTo-SecureString 'ak_stub_key_0001' -AsPlainText -Force) -BaseUri $Stub.BaseUri -SkipCheck
    }
}

AfterAll {
    Disconnect-Composio
    Remove-TestCache
}

Describe 'A 2xx is a success whatever its body' {
    It 'Set, Enable, Disable and Remove succeed on <Name>, and Set -PassThru reads the config back' -ForEach @(
        @{ Name = '204 without a body'; Reply = @{ Status = 204; Body = '' } }
        @{ Name = 'an empty 200'; Reply = @{ Status = 200; Body = '' } }
        @{ Name = 'a text answer'; Reply = @{ Status = 200; ContentType = 'text/plain'; Body = 'OK' } }
        @{ Name = 'success as a string'; Reply = @{ Status = 200; Body = '{"success":"true"}' } }
        @{ Name = 'JSON of another shape'; Reply = @{ Status = 200; Body = '[{"done":1}]' } }
    ) {
        $stub = Start-StubServer ([scriptblock]::Create(@"
            param(`$request)
            if (`$request.HttpMethod -eq 'GET') { return '$($script:Config)' }
            @{ Status = $($Reply.Status); ContentType = '$(if ($Reply.ContainsKey('ContentType')) { $Reply.ContentType } else { 'application/json' })'; Body = '$($Reply.Body)' }
"@))
        try {
            Connect-Stub $stub
            $failures = @()
            $set = Set-ComposioAuthConfig -Id ac_stub00000001 -Name 'Renamed' -PassThru -Confirm:$false -ErrorVariable +failures -ErrorAction SilentlyContinue
            Enable-ComposioAuthConfig -Id ac_stub00000001 -Confirm:$false -ErrorVariable +failures -ErrorAction SilentlyContinue
            Disable-ComposioAuthConfig -Id ac_stub00000001 -Confirm:$false -ErrorVariable +failures -ErrorAction SilentlyContinue
            Remove-ComposioAuthConfig -Id ac_stub00000001 -Force -Confirm:$false -ErrorVariable +failures -ErrorAction SilentlyContinue
            $failures | Should -BeNullOrEmpty
            $set.Id | Should -Be 'ac_stub00000001'
            $methods = @($stub.Requests | ForEach-Object { "$($_.Method) $($_.Url.AbsolutePath)" })
            $methods | Should -Contain 'PATCH /api/v3.1/auth_configs/ac_stub00000001'
            $methods | Should -Contain 'PATCH /api/v3.1/auth_configs/ac_stub00000001/ENABLED'
            $methods | Should -Contain 'PATCH /api/v3.1/auth_configs/ac_stub00000001/DISABLED'
            $methods | Should -Contain 'DELETE /api/v3.1/auth_configs/ac_stub00000001'
            # Each change was sent once: nothing was retried as if it had failed.
            @($methods | Where-Object { $_ -like 'PATCH*' -or $_ -like 'DELETE*' }).Count | Should -Be 4
        }
        finally { Stop-StubServer $stub }
    }
}

Describe 'One odd value never fails a whole answer' {
    It 'lists every config, reads what it can, and warns once for the listing' {
        $odd = '{"id":"ac_odd000000001","uuid":"u","type":"default","toolkit":{"slug":"github","logo":""},"name":"Odd","is_composio_managed":"true","credentials":"x","status":"PAUSED","no_of_connections":3.0,"expected_input_fields":["text",{"name":"token"}],"tool_access_config":{"tools_available_for_execution":"ALL"},"is_enabled_for_tool_router":"true"}'
        $odd2 = $odd -replace 'ac_odd000000001', 'ac_odd000000002' -replace '"no_of_connections":3.0', '"no_of_connections":"many"'
        $stub = Start-StubServer ([scriptblock]::Create("'{`"items`":[$($script:Config -replace "'", "''"),$odd,$odd2],`"next_cursor`":null,`"total_pages`":1,`"current_page`":1,`"total_items`":3}'"))
        try {
            Connect-Stub $stub
            $items = @(Get-ComposioAuthConfig -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue)
            $failures | Should -BeNullOrEmpty
            $items.Id | Should -Be @('ac_stub00000001', 'ac_odd000000001', 'ac_odd000000002')
            $items[1].Status | Should -Be 'PAUSED'
            $items[1].IsEnabled | Should -BeNullOrEmpty
            $items[1].ConnectionCount | Should -Be 3
            $items[1].IsEnabledForToolRouter | Should -BeTrue
            $items[1].ExpectedInputFields.Name | Should -Be 'token'
            $items[2].ConnectionCount | Should -BeNullOrEmpty
            @($warnings).Count | Should -Be 1
            "$warnings" | Should -Match 'could not be read'
            "$warnings" | Should -Match 'no_of_connections'
            "$warnings" | Should -Match 'credentials'
        }
        finally { Stop-StubServer $stub }
    }
}

Describe 'Validation never refuses what the service would accept because of stale or partial metadata' {
    BeforeAll {
        # A toolkit record in the spec's shape; $Schemes are its auth_config_details modes.
        function Get-ToolkitJson([string[]] $Schemes, [switch] $NoDetails, [switch] $ManagedOnlyInRequiredMember) {
            $details = foreach ($s in $Schemes) {
                @{ mode = $s; name = "notion_$s"; fields = @{ auth_config_creation = @{ required = @(); optional = @() }; connected_account_initiation = @{ required = @(); optional = @() } } }
            }
            $record = [ordered]@{ slug = 'notion'; name = 'Notion'; type = 'native'; enabled = $true; is_local_toolkit = $false
                composio_managed_auth = @(@{ mode = 'OAUTH2'; scopes = @{ available = @() } })
                meta = @{ description = ''; logo = ''; categories = @(); tools_count = 0; triggers_count = 0; version = '1'; created_at = ''; updated_at = ''; available_versions = @() }
                deprecated = @{ toolkitId = ''; rawProxyInfoByAuthSchemes = @() } }
            if (-not $ManagedOnlyInRequiredMember) { $record.composio_managed_auth_schemes = @('OAUTH2') }
            if (-not $NoDetails) { $record.auth_config_details = @($details) }
            $record | ConvertTo-Json -Depth 10 -Compress
        }
        $script:Created = '{"toolkit":{"slug":"notion"},"auth_config":{"id":"ac_new000000001","auth_scheme":"API_KEY","is_composio_managed":false}}'
        $script:Config = '{"id":"ac_new000000001","uuid":"u","type":"custom","toolkit":{"slug":"notion","logo":""},"name":"n","auth_scheme":"API_KEY","status":"ENABLED","no_of_connections":0,"tool_access_config":{}}'
        # Answers the first toolkit read with $First and every later one with $Later.
        function Start-ToolkitStub([string] $First, [string] $Later) {
            Start-StubServer ([scriptblock]::Create(@"
                param(`$request)
                `$path = `$request.Url.AbsolutePath
                if (`$path -like '*/toolkits/notion') { `$global:reads++; if (`$global:reads -eq 1) { return '$First' } else { return '$Later' } }
                if (`$request.HttpMethod -eq 'POST') { return @{ Status = 201; Body = '$($script:Created)' } }
                '$($script:Config)'
"@))
        }
        function Get-Sent($Stub) { @($Stub.Requests | ForEach-Object { "$($_.Method) $($_.Url.AbsolutePath -replace '^/api/v3.1', '')" }) }
    }

    It 'reads the toolkit again once before refusing a scheme the cached metadata does not know' {
        $stub = Start-ToolkitStub (Get-ToolkitJson OAUTH2) (Get-ToolkitJson OAUTH2, API_KEY)
        try {
            Connect-Stub $stub
            $made = New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme API_KEY -Name n -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures | Should -BeNullOrEmpty
            $made.Id | Should -Be 'ac_new000000001'
            $sent = Get-Sent $stub
            @($sent | Where-Object { $_ -eq 'GET /toolkits/notion' }).Count | Should -Be 2
            $sent | Should -Contain 'POST /auth_configs'
        }
        finally { Stop-StubServer $stub }
    }

    It 'still refuses, after one fresh read, a scheme the toolkit does not offer' {
        $stub = Start-ToolkitStub (Get-ToolkitJson OAUTH2) (Get-ToolkitJson OAUTH2)
        try {
            Connect-Stub $stub
            New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme BASIC -Name n -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'AuthSchemeNotSupported,*'
            $sent = Get-Sent $stub
            @($sent | Where-Object { $_ -eq 'GET /toolkits/notion' }).Count | Should -Be 2
            $sent | Should -Not -Contain 'POST /auth_configs'
        }
        finally { Stop-StubServer $stub }
    }

    It 'takes a toolkit without auth_config_details as unknown schemes, not as none, and sends the create' {
        $json = Get-ToolkitJson -NoDetails
        $stub = Start-ToolkitStub $json $json
        try {
            Connect-Stub $stub
            $made = New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme API_KEY -Name n -Credentials @{ some_field = 'x' } -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures | Should -BeNullOrEmpty
            $made.Id | Should -Be 'ac_new000000001'
            Get-Sent $stub | Should -Contain 'POST /auth_configs'
        }
        finally { Stop-StubServer $stub }
    }

    It 'reads managed auth from composio_managed_auth when composio_managed_auth_schemes is absent' {
        $json = Get-ToolkitJson OAUTH2 -ManagedOnlyInRequiredMember
        $stub = Start-ToolkitStub $json $json
        try {
            Connect-Stub $stub
            (Get-ComposioToolkit -Slug notion).ComposioManagedAuthSchemes | Should -Be @('OAUTH2')
            $null = New-ComposioAuthConfig -Toolkit notion -Name n -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue
            $failures | Should -BeNullOrEmpty
            Get-Sent $stub | Should -Contain 'POST /auth_configs'
        }
        finally { Stop-StubServer $stub }
    }
}

Describe 'Listing by a toolkit that no longer resolves' {
    It 'filters with toolkit_slug and warns, instead of refusing because GET /toolkits/{slug} failed' {
        $stub = Start-StubServer {
            param($request)
            $path = $request.Url.AbsolutePath
            if ($path -like '*/toolkits/gone_kit') { return @{ Status = 404; Body = '{"error":{"message":"Toolkit with slug \"gone_kit\" not found","code":1,"slug":"Toolkit_NotFound","status":404}}' } }
            if ($path -like '*/toolkits') { return '{"items":[{"slug":"github","name":"GitHub"}],"next_cursor":null,"total_pages":1,"current_page":1,"total_items":1}' }
            '{"items":[{"id":"ac_gone00000001","uuid":"u","type":"custom","toolkit":{"slug":"gone_kit","logo":""},"name":"Left over","status":"ENABLED","no_of_connections":0,"tool_access_config":{}}],"next_cursor":null,"total_pages":1,"current_page":1,"total_items":1}'
        }
        try {
            Connect-Stub $stub
            $items = @(Get-ComposioAuthConfig -Toolkit gone_kit -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable failures -ErrorAction SilentlyContinue)
            $failures | Should -BeNullOrEmpty
            $items.Id | Should -Be 'ac_gone00000001'
            @($warnings).Count | Should -Be 1
            "$warnings" | Should -Match "gone_kit"
            "$warnings" | Should -Match 'toolkit_slug'
            $list = @($stub.Requests | Where-Object { $_.Url.AbsolutePath -like '*/auth_configs' })
            $list.Count | Should -Be 1
            $list[0].Url.Query | Should -Match 'toolkit_slug=gone_kit'
        }
        finally { Stop-StubServer $stub }
    }

    It 'still ends the listing with an error when the toolkit cannot be read for another reason (401)' {
        $stub = Start-StubServer { param($request) @{ Status = 401; Body = '{"error":{"message":"Invalid API key","code":1,"slug":"HTTP_Unauthorized","status":401}}' } }
        try {
            Connect-Stub $stub
            { Get-ComposioAuthConfig -Toolkit github -ErrorAction Stop } | Should -Throw -ExpectedMessage '*Invalid API key*'
            @($stub.Requests | Where-Object { $_.Url.AbsolutePath -like '*/auth_configs' }) | Should -BeNullOrEmpty
        }
        finally { Stop-StubServer $stub }
    }
}
